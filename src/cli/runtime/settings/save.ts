import { chmod, mkdir, open, readFile, readlink, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CliError, ExitCode } from "../errors.ts";
import { PROFILES_KEY } from "./profiles.ts";
import type { Settings } from "./settings.ts";

/**
 * Writes the settings to the configuration file with mode 0600 from its first
 * byte (no window where the token is readable by others), through a temporary
 * file and a rename so a crash never leaves half a file. Comments and key order
 * of an existing file are kept; a new file lists the keys sorted, as synadm writes them.
 * With a profile, the keys go under `profiles: <name>:` and the top level is left as it was.
 */
export async function saveSettings(
  configPath: string,
  settings: Partial<Settings>,
  profile?: string,
): Promise<void> {
  // A symlinked file (a dotfile manager's) is written where the link points, so the link stays.
  const path = await linkTarget(configPath);
  const { parseDocument, Document } = await import("yaml");
  let existing: string | undefined;
  try {
    existing = await readFile(path, "utf8");
  } catch {
    existing = undefined;
  }
  const document = existing === undefined ? new Document({}) : parseDocument(existing);
  if (existing !== undefined && document.errors.length > 0) {
    throw new CliError(
      `cannot update ${path}: it is not valid YAML; fix or remove it first`,
      ExitCode.configWrite,
    );
  }
  const at = profile === undefined ? [] : [PROFILES_KEY, profile];
  // An absent or empty (`profiles:` alone) level becomes a mapping first: setIn cannot write into null.
  for (let depth = 1; depth <= at.length; depth++) {
    const level = at.slice(0, depth);
    if (document.getIn(level) == null) document.setIn(level, document.createNode({}));
  }
  const keys = Object.keys(settings) as Array<keyof Settings>;
  const fresh =
    at.length === 0
      ? existing === undefined
      : (document.getIn(at, true) as { items: unknown[] }).items.length === 0;
  for (const key of fresh ? keys.sort() : keys) document.setIn([...at, key], settings[key]);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const file = await open(temporary, "w", 0o600);
    try {
      await file.writeFile(document.toString({ lineWidth: 0 }));
    } finally {
      await file.close();
    }
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(
      `cannot write configuration file ${path}: ${(error as Error).message}`,
      ExitCode.configWrite,
    );
  }
}

/** Follows symbolic links (a bounded chain) to the file they name, which may not exist yet. */
async function linkTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      target = await readlink(current);
    } catch {
      return current;
    }
    current = resolve(dirname(current), target);
  }
  throw new CliError(`cannot write ${path}: too many symbolic links`, ExitCode.configWrite);
}
