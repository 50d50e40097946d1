import type { RunFor } from "../../runtime/command.ts";
import { confirmOrStop } from "../../runtime/confirm.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { followJob } from "../../runtime/follow-job.ts";
import { document } from "../../runtime/output/result.ts";
import type { redactParameters, redactStatusParameters } from "./redaction.ts";

export const redactUser: RunFor<typeof redactParameters> = async (context, { options, args }) => {
  const { parseRoomId } = await import("../../../api/ids.ts");
  const rooms = options.room.map(parseRoomId);
  const userId = await context.userId(args.userId);
  const admin = await context.admin();
  const where = rooms.length > 0 ? `in ${rooms.join(", ")}` : "in every room";
  if (options.dryRun) {
    context.note(`Would redact the events of ${userId} ${where}.`);
    return undefined;
  }
  await confirmOrStop(context, `Redact the events of ${userId} ${where}?`, "when-configured");
  const { reason, limit } = options;
  const job = await admin.users.redact(userId, { rooms, ...definedOnly({ reason, limit }) }).started();
  return followJob(context, job, {
    label: "Redaction",
    idField: "redact_id",
    noWait: options.noWait,
    statusCommand: "synadm user redact-status ID",
    failures: (status) => {
      const failed = status.failed_redactions;
      const count = Array.isArray(failed) ? failed.length : Object.keys(failed ?? {}).length;
      return count === 0 ? undefined : `${count} event(s) could not be redacted (see failed_redactions)`;
    },
  });
};

export const redactStatus: RunFor<typeof redactStatusParameters> = async (context, { args }) => {
  return document(await (await context.admin()).users.redactStatus(args.redactId));
};
