import { parseRoomAlias, parseRoomId } from "../../../api/ids.ts";

/** Checks a room ID or alias by its sigil, before anything is sent. */
export function parseRoomIdOrAlias(value: string): string {
  return value.startsWith("#") ? parseRoomAlias(value) : parseRoomId(value);
}

export { parseRoomId };
