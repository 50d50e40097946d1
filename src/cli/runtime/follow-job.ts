import { JobFailedError } from "../../api/errors.ts";
import type { LongRunningJob } from "../../api/jobs.ts";
import type { CommandContext } from "./context.ts";
import { CliError, ExitCode } from "./errors.ts";
import { onInterrupt } from "./interrupt.ts";
import { type DocumentResult, document } from "./output/result.ts";
import { escapeTerminalText } from "./output/terminal-text.ts";
import { describeFailure } from "./report-error.ts";

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
  /**
   * What failed in a job that completed nonetheless (e.g. a redaction's
   * `failed_redactions`), in a few words; `undefined` when nothing did. Such a
   * job exits non-zero after its final status is printed.
   */
  readonly failures?: (status: Status) => string | undefined;
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
): Promise<DocumentResult> {
  const look = `${follow.statusCommand.replace("ID", job.id)}`;
  if (follow.noWait) {
    context.note(`${follow.label} started; follow it with: ${look}`);
    return document({ [follow.idField]: job.id });
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
    const failures = follow.failures?.(final);
    return document(
      { [follow.idField]: job.id, ...final },
      failures === undefined
        ? {}
        : {
            failure: new CliError(
              `${follow.label} ${job.id} finished with failures: ${failures}`,
              ExitCode.failed,
            ),
          },
    );
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (stop.signal.aborted)
      throw new CliError(
        `stopped following ${follow.label.toLowerCase()} ${job.id}; it goes on in the server: ${look}`,
        ExitCode.interrupted,
      );
    if (error instanceof JobFailedError) throw new CliError(error.message, ExitCode.failed);
    // Reading the status failed (server gone, timeout, bad answer, token no longer valid): the
    // failure keeps its kind and exit code, as any other command reports it; the job may go on.
    const { message, exitCode } = describeFailure(error);
    throw new CliError(
      `${message}; following ${follow.label.toLowerCase()} ${job.id} stopped, look again with: ${look}`,
      exitCode,
    );
  } finally {
    removeHandler();
  }
}
