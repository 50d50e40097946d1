import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where bulk runs of a home keep their journals. */
export function runsDir(home: string): string {
  return join(home, ".local", "state", "synadm", "runs");
}

/**
 * The journals of unfinished runs in a home: not their locks, set-aside
 * copies or the temporary files a journal is rewritten through (which vanish
 * under a reader's feet).
 */
export function journals(home: string): string[] {
  const dir = runsDir(home);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /-[0-9a-f]{16}\.jsonl$/.test(name))
        .map((name) => join(dir, name))
    : [];
}

/** Lines of a journal recording a finished item. */
export function doneLines(file: string): number {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.includes('"outcome":"done"')).length;
}
