import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import {
  runConfigurator,
  type SettingOverrides,
  writeSettings,
} from "../../runtime/settings/configurator.ts";
import type { Settings } from "../../runtime/settings/settings.ts";
import type { configParameters } from "./config-file.ts";

export const configure: RunFor<typeof configParameters> = async (context, { options }) => {
  const overrides: SettingOverrides = {
    user: options.user,
    token: options.token,
    base_url: options.baseUrl,
    protocol: options.protocol,
    admin_path: options.adminPath,
    matrix_path: options.matrixPath,
    timeout: options.timeout,
    format: options.output,
    server_discovery: options.serverDiscovery,
    homeserver: options.homeserver,
    ssl_verify: options.sslVerify,
  };
  if (!context.globals.batch) {
    await runConfigurator(context, overrides);
    return;
  }
  const { fromFile } = await context.settingsToEdit();
  const { DEFAULT_SETTINGS } = await import("../../runtime/settings/settings.ts");
  const merged: Settings = {
    ...DEFAULT_SETTINGS,
    ...fromFile,
    ...(definedOnly(overrides) as Partial<Settings>),
  };
  const missing = [merged.token ? "" : "token (-t)", merged.base_url ? "" : "base URL (-b)"].filter(Boolean);
  if (missing.length > 0) {
    throw new CliError(`--batch config needs a value for ${missing.join(" and ")}`, ExitCode.configMissing);
  }
  await writeSettings(context, merged);
};
