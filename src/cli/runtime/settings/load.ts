import { readFileSync, statSync } from "node:fs";
import { CliError, ExitCode } from "../errors.ts";
import { readFlatMapping } from "./flat-yaml.ts";
import { type ParsedSettingsFile, PROFILES_KEY, unknownProfileMessage } from "./profiles.ts";
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
  /** Keys set by the file for the profile in use: the top-level ones, overridden by the profile's. */
  readonly fromFile: Partial<Settings>;
  /** The file's top-level keys alone: what every profile inherits. */
  readonly fromTopLevel: Partial<Settings>;
  /** The keys the profile in use sets itself (none without a profile). */
  readonly fromProfile: Partial<Settings>;
  /** The profile chosen (`--profile`, `$SYNADM_PROFILE`), if any. */
  readonly profile: string | undefined;
  /** The names of the file's profiles, in file order. */
  readonly profileNames: readonly string[];
  /** Set when a profile was chosen that the file does not have: the message to stop with. */
  readonly unknownProfile: string | undefined;
  /** Things worth telling the user that do not stop the command. */
  readonly warnings: readonly string[];
}

/**
 * Reads the configuration file (if any), applies the chosen profile's keys over
 * its top-level ones, then `SYNADM_*` environment variables over both. A file
 * that is not valid YAML or has a value of the wrong type stops with one
 * message naming the key and line.
 */
export async function loadSettings(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  profile?: string,
): Promise<LoadedSettings> {
  let text: string | undefined;
  try {
    // Read synchronously: a small local file, and each asynchronous step would
    // be a round trip through libuv's thread pool before the first request.
    text = readFileSync(path, "utf8");
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
  const parsed: ParsedSettingsFile =
    text === undefined
      ? { topLevel: {}, profiles: new Map() }
      : await parseSettingsFile(text, path, warnings);
  const fromProfile = profile === undefined ? {} : (parsed.profiles.get(profile) ?? {});
  const fromFile = { ...parsed.topLevel, ...fromProfile };
  if (fromFile.token || fromFile.mas_token || fromFile.mas_client_secret) {
    const mode = statSync(path).mode & 0o777;
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
  const profileNames = [...parsed.profiles.keys()];
  const unknownProfile =
    profile === undefined || parsed.profiles.has(profile)
      ? undefined
      : unknownProfileMessage(profile, path, text !== undefined, profileNames);
  return {
    settings,
    path,
    fileExists: text !== undefined,
    fromFile,
    fromTopLevel: parsed.topLevel,
    fromProfile,
    profile,
    profileNames,
    unknownProfile,
    warnings,
  };
}

/** One key of a mapping read from the file; `mapping` holds the entries when the value is itself a mapping. */
interface RawEntry {
  readonly key: string;
  readonly value: unknown;
  readonly line: number;
  readonly mapping?: readonly RawEntry[];
}

/** Parses the YAML text of a configuration file into the keys it sets, at the top level and per profile. */
export async function parseSettingsFile(
  text: string,
  path: string,
  warnings: string[],
): Promise<ParsedSettingsFile> {
  const entries = readFlatMapping(text) ?? (await readYamlMapping(text, path));
  const profiles = new Map<string, Partial<Settings>>();
  const topLevel: RawEntry[] = [];
  for (const entry of entries) {
    if (entry.key !== PROFILES_KEY) {
      topLevel.push(entry);
      continue;
    }
    const problem = `configuration file ${path} line ${entry.line}: "${PROFILES_KEY}"`;
    if (entry.value === null) continue;
    if (!("mapping" in entry) || !entry.mapping)
      throw new CliError(`${problem} must map profile names to their settings`, ExitCode.usage);
    for (const profile of entry.mapping) {
      if (profile.value !== null && !profile.mapping) {
        throw new CliError(
          `configuration file ${path} line ${profile.line}: profile "${profile.key}" must be a mapping of keys to values`,
          ExitCode.usage,
        );
      }
      profiles.set(profile.key, checkedSettings(profile.mapping ?? [], path, warnings, profile.key));
    }
  }
  return { topLevel: checkedSettings(topLevel, path, warnings), profiles };
}

/** The settings of one level of the file, each value checked; unknown keys become warnings. */
function checkedSettings(
  entries: readonly RawEntry[],
  path: string,
  warnings: string[],
  profile?: string,
): Partial<Settings> {
  const where = profile === undefined ? "" : ` in profile "${profile}"`;
  const result: Record<string, unknown> = {};
  for (const { key, value, line } of entries) {
    if (!(SETTING_KEYS as string[]).includes(key)) {
      warnings.push(`configuration file ${path} line ${line}: unknown key "${key}"${where} ignored`);
      continue;
    }
    const checked = checkSetting(key as SettingKey, value);
    if ("problem" in checked) {
      throw new CliError(
        `configuration file ${path} line ${line}: "${key}"${where} has the value ${JSON.stringify(value)}; ${checked.problem}`,
        ExitCode.usage,
      );
    }
    result[key] = checked.value;
  }
  return result as Partial<Settings>;
}

/** The top-level keys of a YAML file, with their values and lines, through the full YAML parser. */
async function readYamlMapping(text: string, path: string): Promise<RawEntry[]> {
  const { LineCounter, parseDocument, isMap, isScalar } = await import("yaml");
  type YamlMap = import("yaml").YAMLMap;
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
  const entriesOf = (map: YamlMap): RawEntry[] =>
    map.items.map((pair) => {
      const value = pair.value as { toJSON(): unknown } | null;
      return {
        key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
        value: value === null ? null : value.toJSON(),
        line: lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined),
        ...(isMap(pair.value) ? { mapping: entriesOf(pair.value) } : {}),
      };
    });
  return entriesOf(document.contents);
}
