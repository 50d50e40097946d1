import type { RunFor } from "../../runtime/command.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import type { roomParameters, stateParameters } from "./details.ts";
import { parseRoomId } from "./room-ids.ts";

export const roomDetails: RunFor<typeof roomParameters> = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  return document(await (await context.admin()).rooms.get(roomId));
};

export const roomState: RunFor<typeof stateParameters> = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  return listIn(await (await context.admin()).rooms.state(roomId), "state");
};

export const roomMembers: RunFor<typeof roomParameters> = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  return listIn(await (await context.admin()).rooms.members(roomId), "members");
};
