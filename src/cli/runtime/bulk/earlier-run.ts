import { renameSync } from "node:fs";
import type { CommandContext } from "../context.ts";
import { CliError, ExitCode } from "../errors.ts";
import { DamagedJournalError, JournalFile } from "./journal-file.ts";
import { describeLines } from "./journal-lines.ts";
import { JournalLock, JournalLockedError } from "./journal-lock.ts";

/**
 * Takes the journal's lock, so that a second run of the same command line
 * refuses instead of doing all the work again.
 */
export function lockJournal(journalPath: string, command: string): JournalLock {
  try {
    return JournalLock.acquire(journalPath);
  } catch (error) {
    if (!(error instanceof JournalLockedError)) throw lockFailure(error as Error);
    const who = error.holder ? `process ${error.holder.pid}` : "another process";
    throw new CliError(
      `another run of this '${command}' command line is under way: ${error.message}; ` +
        `wait for it to end, or remove that file if ${who} is not synadm`,
      ExitCode.usage,
    );
  }
}

function lockFailure(error: Error): CliError {
  return new CliError(`cannot lock the run's journal: ${error.message}`, ExitCode.failed);
}

/** A name beside `path` for a journal set aside rather than lost. */
function asideName(path: string, why: string): string {
  return `${path.replace(/\.jsonl$/, "")}.${why}-${new Date().toISOString().replaceAll(":", "")}.jsonl`;
}

/**
 * The journal an earlier run of this command line left, if any. A damaged one
 * (empty, or cut short by a full disk) stops the run with a line naming it and
 * what its readable lines still hold, except with `--restart`, which sets it
 * aside and starts over, and `--dry-run`, which changes nothing anyway.
 */
export function readEarlierJournal(
  context: CommandContext,
  journalPath: string,
  options: { restart: boolean; dryRun: boolean },
): JournalFile | undefined {
  try {
    return JournalFile.read(journalPath);
  } catch (error) {
    if (!(error instanceof DamagedJournalError))
      throw new CliError(`cannot read the run's journal ${journalPath}: ${(error as Error).message}`);
    const holds = `its readable lines record ${describeLines(error.damage.lines)}`;
    if (options.dryRun) {
      context.log.warn(
        `the journal of an earlier run, ${journalPath}, is damaged (${error.damage.why}); ${holds}`,
      );
      return undefined;
    }
    if (!options.restart)
      throw new CliError(
        `the journal of an earlier run of this command line, ${journalPath}, is damaged (${error.damage.why}), ` +
          `so it cannot be resumed; ${holds}; add --restart to set it aside and start over`,
        ExitCode.usage,
      );
    const aside = asideName(journalPath, "damaged");
    renameSync(journalPath, aside);
    context.note(`The damaged journal ${journalPath} is kept as ${aside} (${holds}); starting over.`);
    return undefined;
  }
}

/**
 * With `--restart`, an earlier journal that holds kept values (generated
 * passwords of accounts it created) is set aside instead of replaced, and named.
 */
export function setAsideForRestart(context: CommandContext, earlier: JournalFile): void {
  if (earlier.keptCount === 0) return;
  const aside = asideName(earlier.path, "replaced");
  renameSync(earlier.path, aside);
  context.note(
    `The earlier run's journal holds values kept for ${earlier.keptCount} item(s) (generated passwords, IDs of started jobs): ` +
      `kept as ${aside} (mode 0600).`,
  );
}
