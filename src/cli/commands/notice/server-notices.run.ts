import { readFile } from "node:fs/promises";
import type { UserId } from "../../../api/ids.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import { document } from "../../runtime/output/result.ts";
import { noLongerActive } from "../../runtime/still-active.ts";
import { userPattern, usersMatching } from "../../runtime/user-pattern.ts";
import type { eventParameters, sendParameters } from "./server-notices.ts";

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

export const sendNotice: RunFor<typeof sendParameters> = async (context, { options, args }) => {
  const plain = options.fromFile ? await readText(args.plain) : args.plain;
  const formatted =
    args.formatted === undefined ? plain : options.fromFile ? await readText(args.formatted) : args.formatted;
  const pattern = options.regex ? userPattern(args.to) : undefined;
  const admin = await context.admin();
  const content = {
    msgtype: "m.text",
    body: plain,
    format: "org.matrix.custom.html",
    formatted_body: formatted,
  };
  return runBulkCommand(context, {
    command: "notice send",
    identity: { to: args.to, regex: options.regex, content },
    itemField: "user_id",
    noun: "recipient(s)",
    details: `---\n${plain}\n---${formatted === plain ? "" : `\n${formatted}\n---`}`,
    question: (count) => `Send this notice to ${count} user(s)?`,
    selectItems: async () => {
      return pattern ? usersMatching(admin, pattern, options.batchSize) : [await context.userId(args.to)];
    },
    perform: async (userId, signal, run) => {
      // Chosen by a pattern among active users: one deactivated since (a resumed or long run) gets nothing.
      if (pattern) {
        const gone = await noLongerActive(admin, userId, signal);
        if (gone) return run.skip(gone);
      }
      // A transaction ID lets Synapse drop a repeat: a retry, or a resumed run redoing an item in flight.
      const txnId = `synadm-${run.runId}-${userId}`;
      const { event_id } = await admin.serverNotices.send(userId as UserId, { content, txnId }, { signal });
      return { event_id };
    },
    previewLength: options.previewLength,
    options,
    // As synadm: one answer per notice ({event_id}, or the error), nothing at all with --silent.
    synadmDocument: (summary) => {
      if (options.silent) return undefined;
      if (summary.dry_run) return summary.not_started;
      return [
        ...summary.done.map(({ event_id }) => ({ event_id })),
        ...summary.failed.map(({ error }) => ({ error })),
      ];
    },
  });
};

export const sendNoticeEvent: RunFor<typeof eventParameters> = async (context, { options, args }) => {
  let content: unknown;
  try {
    content = JSON.parse(args.content);
  } catch (error) {
    throw new UsageError(`CONTENT is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    throw new UsageError("CONTENT must be a JSON object");
  }
  const userId = await context.userId(args.to);
  const result = await (await context.admin()).serverNotices.send(userId, {
    content: content as Record<string, unknown>,
    type: args.type,
    ...(options.stateKey === undefined ? {} : { stateKey: options.stateKey }),
  });
  return document(result);
};
