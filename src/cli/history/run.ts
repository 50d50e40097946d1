import { parseEventId, parseRoomId } from "../../api/ids.ts";
import type { PurgePoint } from "../../api/resources/purge-history.ts";
import { changeAfterConfirmation } from "../confirm.ts";
import { CliError, ExitCode } from "../errors.ts";
import type { RunFor } from "../parser/spec.ts";
import { beforeTime } from "../time-options.ts";
import type { purgeParameters, statusParameters } from "./command.ts";

export const purge: RunFor<typeof purgeParameters> = async (context, { options, args }) => {
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
  if (options.noWait) {
    context.note(`Purge started; follow it with: synadm history purge-status ${job.id}`);
    await context.print({ purge_id: job.id });
    return;
  }
  let last = "";
  const final = await job
    .wait({
      onStatus: (status) => {
        if (status.status !== last) context.note(`History purge ${job.id}: ${status.status}`);
        last = status.status;
      },
    })
    .catch((error: unknown) => {
      throw new CliError((error as Error).message, ExitCode.failed);
    });
  await context.print({ purge_id: job.id, ...final });
};

export const purgeStatus: RunFor<typeof statusParameters> = async (context, { args }) => {
  await context.print(await (await context.admin()).purgeHistory.status(args.purgeId));
};
