import type { LongRunningJob } from "../api/jobs.ts";
import type { CommandContext } from "./context.ts";
import { CliError, ExitCode } from "./errors.ts";
import { onInterrupt } from "./interrupt.ts";
import { escapeTerminalText } from "./output/terminal-text.ts";

/** How a command follows the server job it started. */
export interface FollowOptions<Status> {
  /** Names the job on stderr, e.g. `Room delete`. */
  readonly label: string;
  /** The output's name for the job ID, e.g. `delete_id`. */
  readonly idField: string;
  /** `--no-wait`: print the ID and return at once. */
  readonly noWait: boolean;
  /** The command that shows the job's status later, e.g. `synadm room delete-status -d ID`. */
  readonly statusCommand: string;
  /** The state to show from a status (default its `status` field). */
  readonly describe?: (status: Status) => string;
}

const STILL_RUNNING_EVERY_MS = 10_000;

/**
 * Follows a long-running server job to its end: a line on stderr whenever its
 * state changes (and every ten seconds while it runs), then its final status
 * on stdout. Ctrl-C stops following, not the job, and says how to look again.
 */
export async function followJob<Status>(
  context: CommandContext,
  job: LongRunningJob<Status>,
  follow: FollowOptions<Status>,
): Promise<void> {
  const look = `${follow.statusCommand.replace("ID", job.id)}`;
  if (follow.noWait) {
    context.note(`${follow.label} started; follow it with: ${look}`);
    await context.print({ [follow.idField]: job.id });
    return;
  }
  const describe = follow.describe ?? ((status: Status) => String((status as { status?: unknown }).status));
  const stop = new AbortController();
  const removeHandler = onInterrupt(() => stop.abort());
  const started = Date.now();
  let last = "";
  let lastLine = 0;
  try {
    const final = await job.wait({
      signal: stop.signal,
      onStatus: (status) => {
        const state = describe(status);
        if (state === last && Date.now() - lastLine < STILL_RUNNING_EVERY_MS) return;
        const elapsed = Math.round((Date.now() - started) / 1000);
        const shown = `${escapeTerminalText(job.id)}: ${escapeTerminalText(state)}`;
        context.note(`${follow.label} ${shown}${state === last ? ` (after ${elapsed} s)` : ""}`);
        last = state;
        lastLine = Date.now();
      },
    });
    await context.print({ [follow.idField]: job.id, ...final });
  } catch (error) {
    if (stop.signal.aborted)
      throw new CliError(
        `stopped following ${follow.label.toLowerCase()} ${job.id}; it goes on in the server: ${look}`,
        ExitCode.interrupted,
      );
    throw new CliError((error as Error).message, ExitCode.failed);
  } finally {
    removeHandler();
  }
}
