import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document } from "../../runtime/output/result.ts";
import type { deleteParameters, showParameters } from "./forward-extremities.ts";
import { parseRoomIdOrAlias } from "./room-ids.ts";

export const showForwardExtremities: RunFor<typeof showParameters> = async (context, { args }) => {
  const room = parseRoomIdOrAlias(args.roomId);
  return document(await (await context.admin()).rooms.forwardExtremities(room));
};

export const deleteForwardExtremities: RunFor<typeof deleteParameters> = async (
  context,
  { options, args },
) => {
  const room = parseRoomIdOrAlias(args.roomId);
  const { rooms } = await context.admin();
  const action = `Delete the extra forward extremities of ${room}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    rooms.deleteForwardExtremities(room),
  );
  return result ? document(result) : undefined;
};
