import type { Settings } from "./settings.ts";

/**
 * The top-level key holding named profiles: each maps a name to the same keys
 * as the top level, which it overrides. A file without it is synadm's own.
 */
export const PROFILES_KEY = "profiles";

/** What a configuration file sets: its top-level keys and those of each profile. */
export interface ParsedSettingsFile {
  readonly topLevel: Partial<Settings>;
  readonly profiles: ReadonlyMap<string, Partial<Settings>>;
}

/** One line saying a chosen profile is not in the file, and which ones are. */
export function unknownProfileMessage(
  profile: string,
  path: string,
  fileExists: boolean,
  available: readonly string[],
): string {
  const known = !fileExists
    ? `${path} does not exist`
    : available.length === 0
      ? `${path} has no profiles`
      : `available profiles in ${path}: ${available.join(", ")}`;
  return `unknown profile "${profile}" (from --profile or SYNADM_PROFILE); ${known}`;
}
