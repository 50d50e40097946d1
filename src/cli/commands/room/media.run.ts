import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document } from "../../runtime/output/result.ts";
import type { listParameters, quarantineParameters } from "./media.ts";
import { parseRoomId } from "./room-ids.ts";

export const listRoomMedia: RunFor<typeof listParameters> = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  return document(await (await context.admin()).rooms.media(roomId));
};

export const quarantineRoomMedia: RunFor<typeof quarantineParameters> = async (
  context,
  { options, args },
) => {
  const roomId = parseRoomId(args.roomId);
  const { rooms } = await context.admin();
  const action = `Quarantine every media file of ${roomId}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    rooms.quarantineMedia(roomId),
  );
  return result ? document(result) : undefined;
};
