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
