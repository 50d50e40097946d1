import type { UserId } from "../../api/ids.ts";
import { confirmOrStop } from "../confirm.ts";
import { CliError, ExitCode, UsageError } from "../errors.ts";
import type { RunFor } from "../parser/spec.ts";
import type { deactivateRegexParameters } from "./command.ts";

const PREVIEW = 10;

const run: RunFor<typeof deactivateRegexParameters> = async (context, { options, args }) => {
  let pattern: RegExp;
  try {
    // Anchored at the start, as Python's re.match that synadm used.
    pattern = new RegExp(`^(?:${args.regex})`, "u");
  } catch (error) {
    throw new UsageError(`the regular expression does not compile: ${(error as Error).message}`);
  }
  const admin = await context.admin();
  const matches: UserId[] = [];
  for await (const user of admin.users.list({ limit: options.batchSize })) {
    if (pattern.test(user.name)) matches.push(user.name as UserId);
  }
  const more = matches.length > PREVIEW ? `\n  ... and ${matches.length - PREVIEW} more` : "";
  context.note(
    `${matches.length} active user(s) match ${args.regex}` +
      (matches.length ? `:\n  ${matches.slice(0, PREVIEW).join("\n  ")}${more}` : "."),
  );
  if (options.dryRun || matches.length === 0) {
    await context.print({ dry_run: options.dryRun, matched: matches, deactivated: [], failed: [] });
    return;
  }
  const action = options.gdprErase ? "Deactivate and GDPR-erase" : "Deactivate";
  await confirmOrStop(context, `${action} these ${matches.length} user(s)?`);

  const deactivated: string[] = [];
  const failed: Array<{ user_id: string; error: string }> = [];
  const queue = [...matches];
  const worker = async (): Promise<void> => {
    for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
      try {
        await admin.users.deactivate(userId, options.gdprErase);
        deactivated.push(userId);
      } catch (error) {
        failed.push({ user_id: userId, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, matches.length) }, worker));
  await context.print({ dry_run: false, matched: matches, deactivated, failed });
  if (failed.length > 0)
    throw new CliError(`${failed.length} of ${matches.length} deactivation(s) failed`, ExitCode.failed);
};
export default run;
