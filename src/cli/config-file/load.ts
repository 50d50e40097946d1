import { readFile, stat } from "node:fs/promises";
import { CliError, ExitCode } from "../errors.ts";
import { readFlatMapping } from "./flat-yaml.ts";
import {
  checkSetting,
  DEFAULT_SETTINGS,
  envNameOf,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from "./settings.ts";

/** The configuration in force, and where each part came from. */
export interface LoadedSettings {
  readonly settings: Settings;
  readonly path: string;
  /** Whether the file exists. */
  readonly fileExists: boolean;
  /** Keys set by the file (not defaults, not the environment). */
  readonly fromFile: Partial<Settings>;
  /** Things worth telling the user that do not stop the command. */
  readonly warnings: readonly string[];
}

/**
 * Reads the configuration file (if any), then applies `SYNADM_*` environment
 * variables over it. A file that is not valid YAML or has a value of the wrong
 * type stops with one message naming the key and line.
 */
export async function loadSettings(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LoadedSettings> {
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "ENOENT") {
      throw new CliError(
        `cannot read configuration file ${path}: ${(error as Error).message}`,
        ExitCode.usage,
      );
    }
  }
  const warnings: string[] = [];
  const fromFile = text === undefined ? {} : await parseSettingsFile(text, path, warnings);
  if (fromFile.token) {
    const mode = (await stat(path)).mode & 0o777;
    if (mode & 0o077) {
      warnings.push(
        `${path} holds an access token but others can read it (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
      );
    }
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, ...fromFile };
  for (const key of SETTING_KEYS) {
    const name = envNameOf(key);
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const checked = checkSetting(key, raw);
    if ("problem" in checked)
      throw new CliError(`invalid ${name}="${raw}": ${checked.problem}`, ExitCode.usage);
    (settings as unknown as Record<SettingKey, unknown>)[key] = checked.value;
  }
  return { settings, path, fileExists: text !== undefined, fromFile, warnings };
}

/** Parses the YAML text of a configuration file into the keys it sets. */
export async function parseSettingsFile(
  text: string,
  path: string,
  warnings: string[],
): Promise<Partial<Settings>> {
  const entries = readFlatMapping(text) ?? (await readYamlMapping(text, path));
  const result: Record<string, unknown> = {};
  for (const { key, value, line } of entries) {
    if (!(SETTING_KEYS as string[]).includes(key)) {
      warnings.push(`configuration file ${path} line ${line}: unknown key "${key}" ignored`);
      continue;
    }
    const checked = checkSetting(key as SettingKey, value);
    if ("problem" in checked) {
      throw new CliError(
        `configuration file ${path} line ${line}: "${key}" has the value ${JSON.stringify(value)}; ${checked.problem}`,
        ExitCode.usage,
      );
    }
    result[key] = checked.value;
  }
  return result as Partial<Settings>;
}

/** The top-level keys of a YAML file, with their values and lines, through the full YAML parser. */
async function readYamlMapping(
  text: string,
  path: string,
): Promise<Array<{ key: string; value: unknown; line: number }>> {
  const { LineCounter, parseDocument, isMap, isScalar } = await import("yaml");
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (offset: number | undefined): number => lines.linePos(offset ?? 0).line;
  const firstError = document.errors[0];
  if (firstError) {
    // The parser's message repeats the position; ours names the line once.
    const message = firstError.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    throw new CliError(
      `configuration file ${path} is not valid YAML (line ${lineOf(firstError.pos[0])}): ${message}`,
      ExitCode.usage,
    );
  }
  if (document.contents === null) return [];
  if (!isMap(document.contents)) {
    throw new CliError(`configuration file ${path} must be a mapping of keys to values`, ExitCode.usage);
  }
  return document.contents.items.map((pair) => ({
    key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
    value: pair.value === null ? null : (pair.value as { toJSON(): unknown }).toJSON(),
    line: lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined),
  }));
}
