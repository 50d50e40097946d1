import { parseRoomId, type RoomIdOrAlias, roomIdOrAlias } from "../../../api/ids.ts";
import { type ArgumentSpec, argument } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";

/** The room a command acts on, as most room commands take it. */
export const roomIdArgument: ArgumentSpec<string, string> = argument(
  "ROOM_ID",
  text,
  "A room ID (!abc:example.org); quote the ! for the shell.",
);

/** Checks a room ID or alias by its sigil, before anything is sent. */
export function parseRoomIdOrAlias(value: string): RoomIdOrAlias {
  return roomIdOrAlias(value);
}

export { parseRoomId };

/** The room the help examples act on, quoted for the shell. */
export const EXAMPLE_ROOM = "'!abc:example.org'";
