import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document } from "../../runtime/output/result.ts";
import type { blockParameters, blockStatusParameters } from "./block.ts";
import { parseRoomId } from "./room-ids.ts";

export const blockRoom: RunFor<typeof blockParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const { rooms } = await context.admin();
  const action = `${options.block ? "Block" : "Unblock"} ${roomId}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => rooms.setBlocked(roomId, { blocked: options.block }),
    "when-configured",
  );
  return result ? document(result) : undefined;
};

export const roomBlockStatus: RunFor<typeof blockStatusParameters> = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  return document(await (await context.admin()).rooms.blockStatus(roomId));
};
