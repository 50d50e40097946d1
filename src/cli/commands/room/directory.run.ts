import type { RoomAlias } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import { document } from "../../runtime/output/result.ts";
import type { resolveParameters, visibilityParameters } from "./directory.ts";
import { parseRoomId, parseRoomIdOrAlias } from "./room-ids.ts";

export const resolveRoom: RunFor<typeof resolveParameters> = async (context, { options, args }) => {
  const admin = await context.admin();
  if (options.reverse) return document(await admin.matrix.roomAliases(parseRoomId(args.room)));
  const target = parseRoomIdOrAlias(args.room);
  if (!target.startsWith("#"))
    throw new UsageError(`"${args.room}" is a room ID; give an alias, or -r to list its aliases`);
  // synadm prints just the room ID, as a JSON string.
  return document((await admin.rooms.resolveAlias(target as RoomAlias)).room_id);
};

function setVisibility(visibility: "public" | "private"): RunFor<typeof visibilityParameters> {
  return async (context, { options, args }) => {
    const roomId = parseRoomId(args.roomId);
    const { rooms } = await context.admin();
    const action = `${visibility === "public" ? "Publish" : "Unpublish"} ${roomId} ${visibility === "public" ? "in" : "from"} the room directory`;
    if (options.dryRun) {
      context.note(`Would: ${action}.`);
      return;
    }
    return document(await rooms.setDirectoryVisibility(roomId, { visibility }));
  };
}
export const publishRoom: RunFor<typeof visibilityParameters> = setVisibility("public");
export const unpublishRoom: RunFor<typeof visibilityParameters> = setVisibility("private");
