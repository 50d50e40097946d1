import type { RunFor } from "../../runtime/command.ts";
import { givenOnly } from "../../runtime/options/given.ts";
import { listIn } from "../../runtime/output/result.ts";
import type { hierarchyParameters } from "./hierarchy.ts";
import { parseRoomId } from "./room-ids.ts";

export const roomHierarchy: RunFor<typeof hierarchyParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  return listIn(await (await context.admin()).rooms.hierarchy(roomId, givenOnly(options)), "rooms");
};
