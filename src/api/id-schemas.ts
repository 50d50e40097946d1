import { custom, type GenericSchema } from "valibot";
import type { RoomId, UserId } from "./ids.ts";

// IDs in answers are typed, so that they go back into calls as they are. The
// check is the sigil only: what the server sends is its business, and a
// stricter one would refuse a list over one historical oddity.

/** A user ID in an answer: a string starting with `@`. */
export const userIdField: GenericSchema<unknown, UserId> = custom<UserId>(
  (value) => typeof value === "string" && value.startsWith("@"),
  "expected a user ID (@localpart:server)",
);

/** A room ID in an answer: a string starting with `!`. */
export const roomIdField: GenericSchema<unknown, RoomId> = custom<RoomId>(
  (value) => typeof value === "string" && value.startsWith("!"),
  "expected a room ID (!opaque)",
);
