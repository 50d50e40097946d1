import { OUTPUT_FORMATS } from "../output/format.ts";
import type { Prompter } from "../prompt.ts";
import type { LoadedSettings } from "./load.ts";
import { checkSetting, DEFAULT_SETTINGS, type SettingKey, type Settings } from "./settings.ts";

/** What the configurator needs of the command's context: where the file is, what it holds, and a person to ask. */
export interface ConfiguratorHost {
  readonly configPath: string;
  readonly prompt: Pick<Prompter, "ask" | "close">;
  settingsToEdit(): Promise<LoadedSettings>;
  note(message: string): void;
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
      if ("value" in checked && (checked.value !== "" || key === "user")) {
        (current as unknown as Record<SettingKey, unknown>)[key] = checked.value;
        break;
      }
      context.note("problem" in checked ? `Invalid answer: ${checked.problem}.` : "A value is needed here.");
    }
  }
  context.prompt.close();
  if (overrides.protocol) current.protocol = overrides.protocol;
  await writeSettings(context, current);
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
