import { parseEventId, parseRoomId } from "../../../api/ids.ts";
import type { PurgePoint } from "../../../api/resources/purge-history.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
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
  const { purgeHistory } = await context.admin();
  const action = `Purge the history of ${roomId} ${where}${options.deleteLocal ? ", local users' events included" : ""}`;
  const job = await changeAfterConfirmation(context, options.dryRun, action, () =>
    purgeHistory.purge(roomId, point, options.deleteLocal),
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
