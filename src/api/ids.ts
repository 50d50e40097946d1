import { InvalidArgumentError, InvalidInputError } from "./errors.ts";

/** A full Matrix user ID, `@localpart:server`. */
export type UserId = `@${string}:${string}`;
/** A room ID, `!opaque:server`, or `!opaque` for room version 12 and later. */
export type RoomId = `!${string}`;
/** A room alias, `#name:server`. */
export type RoomAlias = `#${string}:${string}`;
/** An event ID, `$opaque` (or `$opaque:server` in room versions 1 and 2). */
export type EventId = `$${string}`;

/** The parts of an `mxc://server/media-id` URI. */
export interface MxcUri {
  readonly serverName: string;
  readonly mediaId: string;
}

// Hostname, IPv4 or bracketed IPv6, with an optional port (Matrix spec, "Server name").
const SERVER_NAME = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9.-]{1,255})(?::\d{1,5})?$/;
// Historical user IDs allow any printable ASCII but ':' in the localpart.
const HISTORICAL_LOCALPART = /^[\x21-\x39\x3B-\x7E]+$/;
// What a bare localpart typed on the command line may look like (synadm's rule, Unicode-aware).
const BARE_LOCALPART = /^@?([-./=+\p{L}\p{N}_]+):?$/u;
const OPAQUE = /^[\x21-\x7E]+$/;
const MEDIA_ID = /^[A-Za-z0-9_-]+$/;

/** Whether `value` is a valid server name (`example.org`, `example.org:8448`, `[::1]:8448`). */
export function isServerName(value: string): boolean {
  return SERVER_NAME.test(value);
}

/** Checks a server name, throwing {@link InvalidInputError} with the expected form otherwise. */
export function parseServerName(value: string): string {
  if (!isServerName(value)) {
    throw new InvalidInputError(
      `invalid server name "${value}": expected a host name like example.org[:port]`,
    );
  }
  return value;
}

function splitServer(value: string, sigil: string, what: string, example: string): [string, string] {
  const colon = value.indexOf(":");
  const local = colon < 0 ? "" : value.slice(1, colon);
  const server = colon < 0 ? "" : value.slice(colon + 1);
  if (!value.startsWith(sigil) || local === "" || !isServerName(server)) {
    throw new InvalidInputError(`invalid ${what} "${value}": expected the form ${example}`);
  }
  return [local, server];
}

/** Checks a full user ID, `@localpart:server`. */
export function parseUserId(value: string): UserId {
  const [local] = splitServer(value, "@", "user ID", "@alice:example.org");
  if (!HISTORICAL_LOCALPART.test(local)) {
    throw new InvalidInputError(
      `invalid user ID "${value}": the localpart has characters Matrix does not allow`,
    );
  }
  return value as UserId;
}

/** Checks a room ID, `!opaque:server` or (room version 12+) `!opaque`. */
export function parseRoomId(value: string): RoomId {
  if (!value.startsWith("!") || value.length < 2 || !OPAQUE.test(value)) {
    throw new InvalidInputError(`invalid room ID "${value}": expected the form !opaque:example.org`);
  }
  const colon = value.indexOf(":");
  if (colon === 1 || (colon > 0 && !isServerName(value.slice(colon + 1)))) {
    throw new InvalidInputError(`invalid room ID "${value}": expected the form !opaque:example.org`);
  }
  return value as RoomId;
}

/** Checks a room alias, `#name:server`. */
export function parseRoomAlias(value: string): RoomAlias {
  splitServer(value, "#", "room alias", "#name:example.org");
  return value as RoomAlias;
}

/** Checks an event ID, `$opaque`. */
export function parseEventId(value: string): EventId {
  if (!value.startsWith("$") || value.length < 2 || !OPAQUE.test(value)) {
    throw new InvalidInputError(`invalid event ID "${value}": expected the form $opaque`);
  }
  return value as EventId;
}

/** Splits and checks an `mxc://server/media-id` URI. */
export function parseMxcUri(value: string): MxcUri {
  const match = /^mxc:\/\/([^/]+)\/([^/]+)$/.exec(value);
  if (!match || !isServerName(match[1]!) || !MEDIA_ID.test(match[2]!)) {
    throw new InvalidInputError(`invalid mxc URI "${value}": expected the form mxc://example.org/MediaId`);
  }
  return { serverName: match[1]!, mediaId: match[2]! };
}

/** Checks a media ID as used in media admin paths. */
export function parseMediaId(value: string): string {
  if (!MEDIA_ID.test(value)) {
    throw new InvalidInputError(`invalid media ID "${value}": expected letters, digits, '_' or '-'`);
  }
  return value;
}

/**
 * Reads what an admin typed for a user: a full user ID (checked), or a bare
 * localpart (`alice`, `@alice`, `alice:`) that needs the homeserver name.
 * Throws {@link InvalidInputError} for anything else, before any lookup.
 */
export function parseUserInput(value: string): { userId: UserId } | { localpart: string } {
  const colon = value.indexOf(":");
  if (value.startsWith("@") && colon > 0 && colon < value.length - 1) return { userId: parseUserId(value) };
  const match = BARE_LOCALPART.exec(value);
  if (!match) {
    throw new InvalidInputError(
      `invalid user "${value}": expected a user ID like @alice:example.org or a localpart like alice`,
    );
  }
  return { localpart: match[1]! };
}

/**
 * Turns what an admin types for a user into a full user ID: `@alice:example.org`
 * stays as it is; `alice`, `@alice` and `alice:` become `@alice:<serverName>`.
 */
export function expandUserId(value: string, serverName: string): UserId {
  const input = parseUserInput(value);
  return "userId" in input ? input.userId : parseUserId(`@${input.localpart}:${serverName}`);
}

/** A room ID, or an alias of the room, where Synapse takes either. */
export type RoomIdOrAlias = RoomId | RoomAlias;

/**
 * Turns a string into a {@link UserId}, checking its form: `userId("@alice:example.org")`.
 * Throws {@link InvalidInputError} otherwise.
 */
export function userId(value: string): UserId {
  return parseUserId(value);
}

/** Turns a string into a {@link RoomId}, checking its form: `roomId("!abc:example.org")`. */
export function roomId(value: string): RoomId {
  return parseRoomId(value);
}

/** Turns a string into a {@link RoomAlias}, checking its form: `roomAlias("#lobby:example.org")`. */
export function roomAlias(value: string): RoomAlias {
  return parseRoomAlias(value);
}

/** Turns a string into an {@link EventId}, checking its form: `eventId("$abc")`. */
export function eventId(value: string): EventId {
  return parseEventId(value);
}

/** Turns a string into a {@link RoomId} (`!...`) or a {@link RoomAlias} (`#...`), checking its form. */
export function roomIdOrAlias(value: string): RoomIdOrAlias {
  return value.startsWith("#") ? parseRoomAlias(value) : parseRoomId(value);
}

// The checks at the library's boundary: a JavaScript caller may pass anything, so the
// shape is checked before any request, naming the argument as the signature does. Only
// the shape (sigil, parts): an ID read from the server goes back to it whatever its
// localpart holds; the constructors above check the whole form.
function checked<T>(parameter: string, value: unknown, shape: RegExp, what: string, example: string): T {
  if (typeof value !== "string") {
    throw new InvalidArgumentError(
      parameter,
      `expected ${what} like ${example}, got ${value === null ? "null" : typeof value}`,
    );
  }
  if (!shape.test(value)) {
    throw new InvalidArgumentError(parameter, `"${value}" is not ${what}: expected the form ${example}`);
  }
  return value as T;
}

const USER_ID_SHAPE = /^@[^:]+:.+$/s;
const ROOM_ID_SHAPE = /^!.+$/s;
const ROOM_ALIAS_SHAPE = /^#[^:]+:.+$/s;
const EVENT_ID_SHAPE = /^\$.+$/s;

/** Checks a {@link UserId} argument; throws {@link InvalidArgumentError} naming `parameter`. */
export function checkUserId(value: UserId, parameter = "userId"): UserId {
  return checked(parameter, value, USER_ID_SHAPE, "a user ID", "@alice:example.org");
}

/** Checks a {@link RoomId} argument (an alias is refused); throws {@link InvalidArgumentError}. */
export function checkRoomId(value: RoomId, parameter = "roomId"): RoomId {
  return checked(parameter, value, ROOM_ID_SHAPE, "a room ID", "!opaque:example.org");
}

/** Checks a {@link RoomAlias} argument; throws {@link InvalidArgumentError}. */
export function checkRoomAlias(value: RoomAlias, parameter = "roomAlias"): RoomAlias {
  return checked(parameter, value, ROOM_ALIAS_SHAPE, "a room alias", "#name:example.org");
}

/** Checks a room ID or alias argument; throws {@link InvalidArgumentError}. */
export function checkRoomIdOrAlias(value: RoomIdOrAlias, parameter = "roomIdOrAlias"): RoomIdOrAlias {
  const alias = typeof value === "string" && value.startsWith("#");
  return alias
    ? checked(parameter, value, ROOM_ALIAS_SHAPE, "a room alias", "#name:example.org")
    : checked(
        parameter,
        value,
        ROOM_ID_SHAPE,
        "a room ID or alias",
        "!opaque:example.org or #name:example.org",
      );
}

/** Checks an {@link EventId} argument; throws {@link InvalidArgumentError}. */
export function checkEventId(value: EventId, parameter = "eventId"): EventId {
  return checked(parameter, value, EVENT_ID_SHAPE, "an event ID", "$opaque");
}
