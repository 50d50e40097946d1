import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { blockParameters, changeRoomParameters, joinParameters, makeAdminParameters } from "./index.ts";
import { parseRoomId, parseRoomIdOrAlias } from "./room-ids.ts";

type RoomChange = RunFor<typeof changeRoomParameters>;

export const join: RunFor<typeof joinParameters> = async (context, { args }) => {
  const room = parseRoomIdOrAlias(args.room);
  const userId = await context.userId(args.userId);
  await context.print(await (await context.admin()).rooms.join(room, userId));
};

export const makeAdmin: RunFor<typeof makeAdminParameters> = async (context, { options, args }) => {
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
  if (result) await context.print(result);
};

export const block: RunFor<typeof blockParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const { rooms } = await context.admin();
  const action = `${options.block ? "Block" : "Unblock"} ${roomId}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => rooms.setBlocked(roomId, options.block),
    "when-configured",
  );
  if (result) await context.print(result);
};

export const deleteForwardExtremities: RoomChange = async (context, { options, args }) => {
  const room = parseRoomIdOrAlias(args.roomId);
  const { rooms } = await context.admin();
  const action = `Delete the extra forward extremities of ${room}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    rooms.deleteForwardExtremities(room),
  );
  if (result) await context.print(result);
};

function setVisibility(visibility: "public" | "private"): RoomChange {
  return async (context, { options, args }) => {
    const roomId = parseRoomId(args.roomId);
    const { rooms } = await context.admin();
    const action = `${visibility === "public" ? "Publish" : "Unpublish"} ${roomId} ${visibility === "public" ? "in" : "from"} the room directory`;
    if (options.dryRun) {
      context.note(`Would: ${action}.`);
      return;
    }
    await context.print(await rooms.setDirectoryVisibility(roomId, visibility));
  };
}
export const publish = setVisibility("public");
export const unpublish = setVisibility("private");

export const quarantineMedia: RoomChange = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const { rooms } = await context.admin();
  const action = `Quarantine every media file of ${roomId}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    rooms.quarantineMedia(roomId),
  );
  if (result) await context.print(result);
};
