import type { CommandContext } from "./context.ts";
import { CliError, ExitCode, UsageError } from "./errors.ts";

/**
 * Asks before a destructive action (default No). `--batch` says yes; without a
 * terminal to ask on, the command refuses instead of hanging or assuming yes.
 */
export async function confirmOrStop(context: CommandContext, question: string): Promise<void> {
  if (context.globals.batch) return;
  if (!context.io.stdin.isTTY) {
    throw new UsageError(
      `not confirmed: "${question}" needs a terminal to answer; add --batch to go ahead without asking`,
    );
  }
  if (!(await context.prompt.confirm(question)))
    throw new CliError("Aborted: nothing was changed.", ExitCode.declined);
}

/**
 * The one path of a confirmed change: with `--dry-run` it only says what it
 * would do; otherwise it asks (see {@link confirmOrStop}) and then acts.
 * Resolves to `undefined` when nothing was done.
 */
export async function changeAfterConfirmation<T>(
  context: CommandContext,
  dryRun: boolean,
  action: string,
  change: () => Promise<T>,
): Promise<T | undefined> {
  if (dryRun) {
    context.note(`Would: ${action}.`);
    return undefined;
  }
  await confirmOrStop(context, `${action}?`);
  return change();
}
