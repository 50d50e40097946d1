import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document } from "../../runtime/output/result.ts";
import type { joinParameters, makeAdminParameters } from "./membership.ts";
import { parseRoomIdOrAlias } from "./room-ids.ts";

export const joinRoom: RunFor<typeof joinParameters> = async (context, { args }) => {
  const room = parseRoomIdOrAlias(args.room);
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).rooms.join(room, userId));
};

export const makeRoomAdmin: RunFor<typeof makeAdminParameters> = async (context, { options, args }) => {
  const room = parseRoomIdOrAlias(args.roomId);
  const userId = options.userId === undefined ? undefined : await context.userId(options.userId);
  const { rooms } = await context.admin();
  const action = `Give ${userId ?? "you"} the highest power level in ${room}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => rooms.makeAdmin(room, userId),
    "when-configured",
  );
  return result ? document(result) : undefined;
};
