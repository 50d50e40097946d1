import type { CommandContext } from "./context.ts";
import { CliError, ExitCode } from "./errors.ts";

/**
 * Whether a change asks first by default. `"always"`: synadm asks here too, or
 * synadm has no such command (new commands keep the safety). `"when-configured"`:
 * synadm makes this change without asking, so scripts written for it run it
 * without `--batch` and with stdin closed; it asks only with `confirm: always`.
 */
export type AskPolicy = "always" | "when-configured";

/**
 * Asks before a change (default No). The answer is read from stdin, a terminal
 * or a pipe (`yes | synadm ...`), as synadm does; the end of input is No.
 * `--batch` says yes without asking.
 */
export async function confirmOrStop(
  context: CommandContext,
  question: string,
  policy: AskPolicy = "always",
): Promise<void> {
  // Every change is confirmed (or said yes to) here first: the place to refuse an unwritable audit log.
  await context.checkAuditLog();
  if (context.globals.batch) return;
  if (policy === "when-configured" && (await context.settings()).settings.confirm !== "always") return;
  const answer = await context.prompt.confirm(question);
  if (answer === "yes") return;
  throw new CliError(
    answer === "no"
      ? "Aborted: nothing was changed."
      : `Aborted: nothing was changed ("${question}" had no answer: standard input ended; add --batch to go ahead without asking).`,
    ExitCode.declined,
  );
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
  policy: AskPolicy = "always",
): Promise<T | undefined> {
  if (dryRun) {
    context.note(`Would: ${action}.`);
    return undefined;
  }
  await confirmOrStop(context, `${action}?`, policy);
  return change();
}
