import { parseEventId, parseRoomId } from "../../../api/ids.ts";
import type { PurgePoint } from "../../../api/resources/purge-history.ts";
import { versionBefore } from "../../../api/resources/version.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { followJob } from "../../runtime/follow-job.ts";
import { beforeTime } from "../../runtime/options/before.ts";
import { document } from "../../runtime/output/result.ts";
import type { purgeParameters, statusParameters } from "./purge-history.ts";

export const purgeHistory: RunFor<typeof purgeParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const point: PurgePoint =
    options.beforeEventId !== undefined
      ? { beforeEventId: parseEventId(options.beforeEventId) }
      : { beforeTs: beforeTime(options)! };
  const where =
    "beforeEventId" in point
      ? `before ${point.beforeEventId}`
      : `before ${new Date(point.beforeTs).toISOString()}`;
  const admin = await context.admin();
  const { purgeHistory } = admin;
  if (!options.deleteLocal) await warnIfLocalEventsGoToo(context, admin);
  const action = `Purge the history of ${roomId} ${where}${options.deleteLocal ? ", local users' events included" : ""}`;
  const job = await changeAfterConfirmation(context, options.dryRun, action, () =>
    purgeHistory.purge(roomId, { ...point, deleteLocalEvents: options.deleteLocal }).started(),
  );
  if (!job) return;
  return followJob(context, job, {
    label: "History purge",
    idField: "purge_id",
    noWait: options.noWait,
    statusCommand: "synadm history purge-status ID",
  });
};

export const historyPurgeStatus: RunFor<typeof statusParameters> = async (context, { args }) =>
  document(await (await context.admin()).purgeHistory.status(args.purgeId));

// Synapse before 1.156 deleted local users' events too when told to keep them
// (delete_local_events false), in every room version but 1 and 2.
const KEEPS_LOCAL_EVENTS_SINCE = "1.156";

async function warnIfLocalEventsGoToo(context: CommandContext, admin: SynapseAdmin): Promise<void> {
  let version: string;
  try {
    version = (await admin.version.get()).server_version;
  } catch {
    context.note(
      `Warning: the server's version could not be read. Synapse before ${KEEPS_LOCAL_EVENTS_SINCE} ` +
        "purges local users' events too, even without --delete-local.",
    );
    return;
  }
  if (versionBefore(version, KEEPS_LOCAL_EVENTS_SINCE) === false) return;
  context.note(
    `Warning: this server runs Synapse ${version}; before ${KEEPS_LOCAL_EVENTS_SINCE} a purge deletes ` +
      "local users' events too, even without --delete-local (in room versions other than 1 and 2).",
  );
}
