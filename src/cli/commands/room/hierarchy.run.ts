import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { listIn } from "../../runtime/output/result.ts";
import type { hierarchyParameters } from "./hierarchy.ts";
import { parseRoomId } from "./room-ids.ts";

export const roomHierarchy: RunFor<typeof hierarchyParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  return listIn(await (await context.admin()).rooms.hierarchy(roomId, definedOnly(options)), "rooms");
};
