import { readFile } from "node:fs/promises";
import { confirmOrStop } from "../confirm.ts";
import { CliError, ExitCode, UsageError } from "../errors.ts";
import type { RunFor } from "../parser/spec.ts";
import type { sendParameters } from "./command.ts";

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

const run: RunFor<typeof sendParameters> = async (context, { options, args }) => {
  const plain = options.fromFile ? await readText(args.plain) : args.plain;
  const formatted =
    args.formatted === undefined ? plain : options.fromFile ? await readText(args.formatted) : args.formatted;
  let pattern: RegExp | undefined;
  if (options.regex) {
    try {
      pattern = new RegExp(`^(?:${args.to})`, "u");
    } catch (error) {
      throw new UsageError(`the regular expression does not compile: ${(error as Error).message}`);
    }
  }
  const admin = await context.admin();
  const recipients: string[] = [];
  if (pattern) {
    // One walk through the users, with the same page size throughout.
    for await (const user of admin.users.list({ limit: options.batchSize }))
      if (pattern.test(user.name)) recipients.push(user.name);
  } else {
    recipients.push(await context.userId(args.to));
  }
  const shown = recipients.slice(0, options.previewLength);
  const more = recipients.length > shown.length ? `\n  ... and ${recipients.length - shown.length} more` : "";
  context.note(
    `Recipients (${recipients.length}):` +
      (recipients.length ? `\n  ${shown.join("\n  ")}${more}` : " (no user matched)") +
      `\n---\n${plain}\n---${formatted === plain ? "" : `\n${formatted}\n---`}`,
  );
  if (recipients.length === 0 || options.dryRun) {
    await context.print({ dry_run: options.dryRun, recipients, sent: [], failed: [] });
    return;
  }
  await confirmOrStop(context, `Send this notice to ${recipients.length} user(s)?`);

  const content = {
    msgtype: "m.text",
    body: plain,
    format: "org.matrix.custom.html",
    formatted_body: formatted,
  };
  const sent: Array<{ user_id: string; event_id: string }> = [];
  const failed: Array<{ user_id: string; error: string }> = [];
  const queue = [...recipients];
  const worker = async (): Promise<void> => {
    for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
      try {
        const { event_id } = await admin.serverNotices.send(userId, { content });
        sent.push({ user_id: userId, event_id });
      } catch (error) {
        failed.push({ user_id: userId, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, recipients.length) }, worker));
  await context.print(options.silent ? { sent: sent.length, failed } : { sent, failed });
  if (failed.length > 0)
    throw new CliError(`${failed.length} of ${recipients.length} notice(s) failed`, ExitCode.failed);
};
export default run;
