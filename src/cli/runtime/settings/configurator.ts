import type { AuthDelegation } from "../../../api/auth-delegation.ts";
import { OUTPUT_FORMATS } from "../output/format.ts";
import type { Prompter } from "../prompt.ts";
import type { LoadedSettings } from "./load.ts";
import { checkSetting, DEFAULT_SETTINGS, type SettingKey, type Settings } from "./settings.ts";

/** What the configurator needs of the command's context: where the file is, what it holds, and a person to ask. */
export interface ConfiguratorHost {
  readonly configPath: string;
  readonly prompt: Pick<Prompter, "ask" | "close"> & Partial<Pick<Prompter, "confirm">>;
  settingsToEdit(): Promise<LoadedSettings>;
  note(message: string): void;
  /** Whether the server these settings name delegates auth (MAS); undefined when that cannot be told. */
  delegationOf?(settings: Settings): Promise<AuthDelegation | undefined>;
  /** Logs in with a device code under the settings just written (synadm mas login). */
  deviceLogin?(): Promise<void>;
}

/** Values given on the command line, which become the prompts' defaults. */
export type SettingOverrides = { [K in keyof Settings]?: Settings[K] | undefined };

const QUESTIONS: ReadonlyArray<readonly [SettingKey, string]> = [
  ["user", "Synapse admin user name"],
  ["token", "Admin user's access token"],
  ["base_url", "Synapse base URL"],
  ["admin_path", "Admin API path"],
  ["matrix_path", "Matrix API path"],
  ["format", `Default output format (${OUTPUT_FORMATS.join(", ")})`],
  ["timeout", "Request timeout in seconds"],
  ["homeserver", 'Homeserver name ("auto-retrieval" or the part after ":" in your user ID)'],
  ["ssl_verify", "Verify TLS certificates (true/false)"],
  ["server_discovery", "Homeserver name discovery (well-known, dns)"],
];

/**
 * Asks for every setting in synadm's order, each defaulting to the option
 * given or the current value, re-asking until the answer is valid, then writes
 * the file. The token is typed hidden and never shown back.
 */
export async function runConfigurator(context: ConfiguratorHost, overrides: SettingOverrides): Promise<void> {
  const { fromFile, profile } = await context.settingsToEdit();
  const current: Settings = { ...DEFAULT_SETTINGS, ...fromFile };
  context.note(`Configuring ${context.configPath}${profile === undefined ? "" : `, profile "${profile}"`}`);
  for (const [key, question] of QUESTIONS) {
    const proposed = overrides[key] ?? current[key];
    for (;;) {
      const hidden = key === "token";
      const shown = hidden ? (proposed ? "REDACTED" : "NOT SET") : String(proposed);
      const answer = await context.prompt.ask(question, {
        default: String(proposed),
        hidden,
        shownDefault: shown,
      });
      const checked = checkSetting(key, answer);
      // No token may be right: a server that delegates auth lets synadm log in (checked below).
      if ("value" in checked && (checked.value !== "" || key === "user" || key === "token")) {
        (current as unknown as Record<SettingKey, unknown>)[key] = checked.value;
        break;
      }
      context.note("problem" in checked ? `Invalid answer: ${checked.problem}.` : "A value is needed here.");
    }
  }
  const logInNow = await askMas(context, current);
  context.prompt.close();
  if (overrides.protocol) current.protocol = overrides.protocol;
  await writeSettings(context, current);
  if (logInNow) await context.deviceLogin?.();
}

/**
 * Where the server delegates auth: the ID of synadm's OAuth 2.0 client at
 * MAS, and whether to log in now with a device code (No at the end of input).
 * Elsewhere, or with no way to log in, a token is needed: asked again until given.
 */
async function askMas(context: ConfiguratorHost, current: Settings): Promise<boolean> {
  const delegation = await context.delegationOf?.(current);
  let logInNow = false;
  if (delegation?.delegated) {
    context.note(
      `${current.base_url} delegates auth to the Matrix Authentication Service at ${delegation.issuer}.`,
    );
    current.mas_client_id = await context.prompt.ask(
      "synadm's OAuth 2.0 client ID at MAS, for logging in (empty: none)",
      { default: current.mas_client_id },
    );
    if (current.mas_client_id && context.prompt.confirm)
      logInNow = (await context.prompt.confirm("Log in now with a device code?")) === "yes";
  }
  const canLogIn = Boolean(delegation?.delegated && current.mas_client_id);
  while (!current.token && !canLogIn) {
    context.note(
      delegation?.delegated
        ? "A token is needed without a MAS client to log in with."
        : "A value is needed here.",
    );
    current.token = await context.prompt.ask(QUESTIONS[1]![1], { hidden: true, shownDefault: "NOT SET" });
  }
  return logInNow;
}

/**
 * Writes the settings and says where, on stderr. With a profile in use, the
 * profile gets the keys it already had and those that differ from what it
 * inherits from the top level; the top level is left alone.
 */
export async function writeSettings(context: ConfiguratorHost, settings: Settings): Promise<void> {
  const { saveSettings } = await import("./save.ts");
  const { DEFAULT_SETTINGS, EXTENSION_KEYS } = await import("./settings.ts");
  const { profile, fromTopLevel, fromProfile } = await context.settingsToEdit();
  const written: Partial<Settings> = { ...settings };
  if (profile === undefined) {
    for (const key of EXTENSION_KEYS) if (settings[key] === DEFAULT_SETTINGS[key]) delete written[key];
  } else {
    const inherited: Settings = { ...DEFAULT_SETTINGS, ...fromTopLevel };
    for (const key of Object.keys(settings) as SettingKey[])
      if (settings[key] === inherited[key] && !(key in fromProfile)) delete written[key];
  }
  await saveSettings(context.configPath, written, profile);
  const where = profile === undefined ? context.configPath : `${context.configPath}, profile "${profile}"`;
  context.note(`Configuration saved to ${where} (readable by you only).`);
}
