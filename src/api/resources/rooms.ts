import { array, boolean, exactOptional, nullable, number, object, record, string, unknown } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import { roomIdField, userIdField } from "../id-schemas.ts";
import {
  checkEventId,
  checkRoomAlias,
  checkRoomId,
  checkRoomIdOrAlias,
  checkUserId,
  type EventId,
  type RoomAlias,
  type RoomId,
  type RoomIdOrAlias,
  type UserId,
} from "../ids.ts";
import { type LongRunningJob, PendingJob, statusJob } from "../jobs.ts";
import type { RoomOrder } from "../orders.ts";
import { checkPageLimit, type PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** A room as the room list shows it. */
export interface RoomSummary {
  room_id: RoomId;
  name: string | null;
  canonical_alias: string | null;
  joined_members: number;
  joined_local_members: number;
  version: string | null;
  /** Null for rooms whose creator was never recorded. */
  creator: string | null;
  encryption: string | null;
  federatable: boolean;
  public: boolean;
  join_rules: string | null;
  guest_access: string | null;
  history_visibility: string | null;
  state_events: number;
  room_type: string | null;
}

/** A room in full (Room Details API). The counts are null for a room without statistics yet. */
export interface RoomDetails {
  room_id: RoomId;
  name: string | null;
  canonical_alias: string | null;
  joined_members: number | null;
  joined_local_members: number | null;
  version: string | null;
  creator: string | null;
  encryption: string | null;
  federatable: boolean;
  public: boolean;
  join_rules: string | null;
  guest_access: string | null;
  history_visibility: string | null;
  state_events: number | null;
  avatar: string | null;
  topic: string | null;
  room_type: string | null;
  /** Devices of the room's local members. */
  joined_local_devices: number;
  /** Whether every local user forgot the room. */
  forgotten: boolean;
  /** Whether the room has an `m.room.tombstone` state event (it was upgraded or replaced); Synapse 1.153+. */
  tombstoned?: boolean;
  /** The room the tombstone points to, or `null`; Synapse 1.153+. */
  replacement_room?: string | null;
}

/** One page of the room list. */
export interface RoomListPage {
  rooms: RoomSummary[];
  offset: number;
  total_rooms: number;
  /** Where the next page starts; absent on the last page. */
  next_batch?: number;
  /** Where the previous page starts; absent on the first. */
  prev_batch?: number;
}

/** An event as the client-server API shows it; `content` is the event type's own. */
export interface ClientEvent {
  event_id: string;
  type: string;
  sender: string;
  origin_server_ts: number;
  room_id: string;
  content: Record<string, unknown>;
  /** Present on state events. */
  state_key?: string;
  unsigned?: Record<string, unknown>;
}

/** A page of a room's messages. */
export interface RoomMessagesPage {
  /** The events, as the filter's `event_format` shapes them. */
  chunk: Array<Record<string, unknown>>;
  start: string;
  /** Where the next page starts; absent at the end. */
  end?: string;
  state?: Array<Record<string, unknown>>;
}

/** An event with what came before and after it (Event Context API). */
export interface EventContext {
  events_before: ClientEvent[];
  event: ClientEvent;
  events_after: ClientEvent[];
  state: ClientEvent[];
  start: string;
  end: string;
}

/** A room of a space's hierarchy, as the client-server API's `/hierarchy` gives it. */
export interface HierarchyRoom {
  room_id: string;
  /** The `m.space.child` events of the room. */
  children_state: Array<Record<string, unknown>>;
  num_joined_members: number;
  world_readable: boolean;
  guest_can_join: boolean;
  name?: string;
  topic?: string;
  canonical_alias?: string;
  avatar_url?: string;
  join_rule?: string;
  room_type?: string;
  room_version?: string;
  encryption?: string;
}

/** A page of a space's hierarchy. */
export interface HierarchyPage {
  rooms: HierarchyRoom[];
  next_batch?: string;
}

/** A forward extremity of a room. */
export interface ForwardExtremity {
  event_id: string;
  state_group: number;
  depth: number;
  received_ts: number;
}

/** What a room delete did. */
export interface RoomShutdown {
  kicked_users: string[];
  failed_to_kick_users: string[];
  local_aliases: string[];
  /** The room the members were moved to, when one was made. */
  new_room_id: string | null;
}

/** Filters and order of the room list. */
export interface RoomListParams {
  from?: number;
  limit?: number;
  orderBy?: RoomOrder;
  dir?: "f" | "b";
  /** Rooms whose name, canonical alias or ID contains this. */
  searchTerm?: string;
  /** `true` only rooms in the public directory, `false` only others. */
  publicRooms?: boolean;
  /** `true` only empty rooms, `false` only rooms with members. */
  emptyRooms?: boolean;
}

/** What a room delete does (Delete Room API, both versions). */
export interface RoomDeleteOptions {
  /** Create a new room with this local user as admin and move the members there. */
  newRoomUserId?: UserId | undefined;
  /** The name of that new room. */
  roomName?: string | undefined;
  /** The message that new room shows first. */
  message?: string | undefined;
  /** Block the room so nobody can join it again. */
  block?: boolean | undefined;
  /** Remove every trace of the room from the database (default true). */
  purge?: boolean | undefined;
  /** Purge even when local users are still in the room. */
  forcePurge?: boolean | undefined;
}

/**
 * The body {@link RoomsResource.delete} and {@link RoomsResource.deleteNow} send
 * for these options, as Synapse names its fields: to show what a delete would send.
 * Throws `InvalidArgumentError` for a `newRoomUserId` that is no user ID.
 */
export function roomDeleteBody(deletion: RoomDeleteOptions): Record<string, unknown> {
  if (deletion.newRoomUserId !== undefined) checkUserId(deletion.newRoomUserId, "newRoomUserId");
  const body: Record<string, unknown> = {};
  if (deletion.block !== undefined) body["block"] = deletion.block;
  if (deletion.purge !== undefined) body["purge"] = deletion.purge;
  if (deletion.newRoomUserId !== undefined) body["new_room_user_id"] = deletion.newRoomUserId;
  if (deletion.roomName !== undefined) body["room_name"] = deletion.roomName;
  if (deletion.message !== undefined) body["message"] = deletion.message;
  if (deletion.forcePurge !== undefined) body["force_purge"] = deletion.forcePurge;
  return body;
}

/** The status of an asynchronous room delete. */
export interface RoomDeleteStatus {
  delete_id: string;
  room_id: string;
  /** `scheduled`, `active`, `complete`, `failed` or `cancelled`; a newer server may add others (read as running). */
  status: string;
  /** What the delete did so far; null before it did anything. */
  shutdown_room: RoomShutdown | null;
  /** Why it failed, from servers that say. */
  error?: string;
}

/**
 * Whether the creators of a room of this version have unlimited power and are
 * left out of its power levels' `users` (MSC4289): room version 12 and later,
 * and `org.matrix.hydra.11`, as Synapse 1.160 knows them.
 */
export function creatorsHavePower(roomVersion: string): boolean {
  return (/^\d+$/.test(roomVersion) && Number(roomVersion) >= 12) || roomVersion === "org.matrix.hydra.11";
}

/**
 * The creators of a room from its state (the Room State API's `state`), when
 * its version gives them unlimited power (see {@link creatorsHavePower}): the
 * sender of `m.room.create` and the `additional_creators` of its content.
 * `undefined` for other rooms, whose creators have only the power levels list.
 */
export function powerfulCreators(state: ReadonlyArray<object>): string[] | undefined {
  // Events as any source gives them (the Room State API's, a file's): every field is read with care.
  const create = (state as ReadonlyArray<Record<string, unknown>>).find(
    (event) => event["type"] === "m.room.create" && event["state_key"] === "",
  );
  if (!create) return undefined;
  const content = (create["content"] ?? {}) as { room_version?: unknown; additional_creators?: unknown };
  // A create event without room_version is of version 1.
  const version = typeof content.room_version === "string" ? content.room_version : "1";
  if (!creatorsHavePower(version)) return undefined;
  const additional = Array.isArray(content.additional_creators)
    ? content.additional_creators.filter((user): user is string => typeof user === "string")
    : [];
  return [...new Set([String(create["sender"]), ...additional])];
}

const nullableString = nullable(string());
const nullableNumber = nullable(number());
const roomSummarySchema = responseSchema<RoomSummary>()(
  object({
    room_id: roomIdField,
    name: nullableString,
    canonical_alias: nullableString,
    joined_members: number(),
    joined_local_members: number(),
    version: nullableString,
    creator: nullableString,
    encryption: nullableString,
    federatable: boolean(),
    public: boolean(),
    join_rules: nullableString,
    guest_access: nullableString,
    history_visibility: nullableString,
    state_events: number(),
    room_type: nullableString,
  }),
);
const roomListSchema = responseSchema<RoomListPage>()(
  object({
    rooms: array(roomSummarySchema),
    offset: number(),
    total_rooms: number(),
    next_batch: exactOptional(number()),
    prev_batch: exactOptional(number()),
  }),
);
const roomDetailsSchema = responseSchema<RoomDetails>()(
  object({
    room_id: roomIdField,
    name: nullableString,
    canonical_alias: nullableString,
    joined_members: nullableNumber,
    joined_local_members: nullableNumber,
    version: nullableString,
    creator: nullableString,
    encryption: nullableString,
    federatable: boolean(),
    public: boolean(),
    join_rules: nullableString,
    guest_access: nullableString,
    history_visibility: nullableString,
    state_events: nullableNumber,
    avatar: nullableString,
    topic: nullableString,
    room_type: nullableString,
    joined_local_devices: number(),
    forgotten: boolean(),
    tombstoned: exactOptional(boolean()),
    replacement_room: exactOptional(nullableString),
  }),
);
const anyObject = record(string(), unknown());
const clientEventSchema = responseSchema<ClientEvent>()(
  object({
    event_id: string(),
    type: string(),
    sender: string(),
    origin_server_ts: number(),
    room_id: string(),
    content: anyObject,
    state_key: exactOptional(string()),
    unsigned: exactOptional(anyObject),
  }),
);
const membersSchema = responseSchema<{ members: UserId[]; total: number }>()(
  object({ members: array(userIdField), total: number() }),
);
const stateSchema = responseSchema<{ state: ClientEvent[] }>()(object({ state: array(clientEventSchema) }));
const messagesSchema = responseSchema<RoomMessagesPage>()(
  object({
    chunk: array(anyObject),
    start: string(),
    end: exactOptional(string()),
    state: exactOptional(array(anyObject)),
  }),
);
const eventAtSchema = responseSchema<{ event_id: string; origin_server_ts: number }>()(
  object({ event_id: string(), origin_server_ts: number() }),
);
const blockSchema = responseSchema<{ block: boolean }>()(object({ block: boolean() }));
const blockStatusSchema = responseSchema<{ block: boolean; user_id?: string }>()(
  object({ block: boolean(), user_id: exactOptional(string()) }),
);
const shutdownSchema = responseSchema<RoomShutdown>()(
  object({
    kicked_users: array(string()),
    failed_to_kick_users: array(string()),
    local_aliases: array(string()),
    new_room_id: nullableString,
  }),
);
const deleteSchema = responseSchema<{ delete_id: string }>()(object({ delete_id: string() }));
const deleteStatusSchema = responseSchema<RoomDeleteStatus>()(
  object({
    delete_id: string(),
    room_id: string(),
    status: string(),
    shutdown_room: nullable(shutdownSchema),
    error: exactOptional(string()),
  }),
);
const deleteStatusesSchema = responseSchema<{ results: RoomDeleteStatus[] }>()(
  object({ results: array(deleteStatusSchema) }),
);
const extremitiesSchema = responseSchema<{ count: number; results: ForwardExtremity[] }>()(
  object({
    count: number(),
    results: array(
      object({ event_id: string(), state_group: number(), depth: number(), received_ts: number() }),
    ),
  }),
);
const deletedSchema = responseSchema<{ deleted: number }>()(object({ deleted: number() }));
const contextSchema = responseSchema<EventContext>()(
  object({
    events_before: array(clientEventSchema),
    event: clientEventSchema,
    events_after: array(clientEventSchema),
    state: array(clientEventSchema),
    start: string(),
    end: string(),
  }),
);
const hierarchySchema = responseSchema<HierarchyPage>()(
  object({
    rooms: array(
      object({
        room_id: string(),
        children_state: array(anyObject),
        num_joined_members: number(),
        world_readable: boolean(),
        guest_can_join: boolean(),
        name: exactOptional(string()),
        topic: exactOptional(string()),
        canonical_alias: exactOptional(string()),
        avatar_url: exactOptional(string()),
        join_rule: exactOptional(string()),
        room_type: exactOptional(string()),
        room_version: exactOptional(string()),
        encryption: exactOptional(string()),
      }),
    ),
    next_batch: exactOptional(string()),
  }),
);
const roomIdSchema = responseSchema<{ room_id: RoomId }>()(object({ room_id: roomIdField }));
const roomMediaSchema = responseSchema<{ local: string[]; remote: string[] }>()(
  object({ local: array(string()), remote: array(string()) }),
);
const quarantinedSchema = responseSchema<{ num_quarantined: number }>()(
  object({ num_quarantined: number() }),
);
const aliasSchema = responseSchema<{ room_id: RoomId; servers: string[] }>()(
  object({ room_id: roomIdField, servers: array(string()) }),
);

/**
 * The Rooms Admin API (`rooms.md`), room membership (`room_membership.md`),
 * room media (`media_admin_api.md`) and the room directory (client API).
 * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html
 */
export class RoomsResource extends PagedResource {
  /**
   * One page of the rooms on the server.
   *
   * `GET /_synapse/admin/v1/rooms`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#list-room-api
   */
  async listPage(params: RoomListParams = {}, options: RequestOptions = {}): Promise<RoomListPage> {
    checkPageLimit(params.limit);
    const query = {
      from: params.from,
      limit: params.limit,
      order_by: params.orderBy,
      dir: params.dir,
      search_term: params.searchTerm,
      public_rooms: params.publicRooms,
      empty_rooms: params.emptyRooms,
    };
    return this.GET("/v1/rooms", { query, schema: roomListSchema }, options);
  }

  /**
   * Every room matching the filters, fetched page by page (`next_batch`) as iterated.
   *
   * `GET /_synapse/admin/v1/rooms`
   */
  list(
    params: RoomListParams = {},
    options: RequestOptions = {},
  ): PagedList<RoomListPage, RoomSummary, number> {
    checkPageLimit(params.limit);
    return this.pagedGet(
      {
        path: "/v1/rooms",
        fetchPage: (from, pageOptions) =>
          this.listPage({ ...params, ...(from === undefined ? {} : { from }) }, pageOptions),
        items: (page) => page.rooms,
        nextCursor: (page) => page.next_batch,
      },
      options,
    );
  }

  /**
   * A room's details.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-details-api
   */
  async get(roomId: RoomId, options: RequestOptions = {}): Promise<RoomDetails> {
    checkRoomId(roomId);
    return this.GET(path`/v1/rooms/${roomId}`, { schema: roomDetailsSchema }, options);
  }

  /**
   * The joined members of a room.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/members`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-members-api
   */
  async members(roomId: RoomId, options: RequestOptions = {}): Promise<{ members: UserId[]; total: number }> {
    checkRoomId(roomId);
    return this.GET(path`/v1/rooms/${roomId}/members`, { schema: membersSchema }, options);
  }

  /**
   * The current state events of a room.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/state`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-state-api
   */
  async state(roomId: RoomId, options: RequestOptions = {}): Promise<{ state: ClientEvent[] }> {
    checkRoomId(roomId);
    return this.GET(path`/v1/rooms/${roomId}/state`, { schema: stateSchema }, options);
  }

  /**
   * A room's messages from a pagination token (or the start): `await` gives
   * that page, iterating every event from there (following `end`).
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/messages`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-messages-api
   */
  messages(
    roomId: RoomId,
    params: { from?: string; to?: string; limit?: number; filter?: unknown; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): PagedList<RoomMessagesPage, Record<string, unknown>, string> {
    checkRoomId(roomId);
    const filter = params.filter === undefined ? undefined : JSON.stringify(params.filter);
    return this.pagedGet(
      {
        path: path`/v1/rooms/${roomId}/messages`,
        query: (from) => ({
          from: from ?? params.from,
          to: params.to,
          limit: params.limit,
          dir: params.dir,
          filter,
        }),
        schema: messagesSchema,
        items: (page) => page.chunk,
        nextCursor: (page) => page.end,
      },
      options,
    );
  }

  /**
   * The event closest to a time, forwards or backwards.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/timestamp_to_event`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-timestamp-to-event-api
   */
  async timestampToEvent(
    roomId: RoomId,
    at: { ts: number; dir?: "f" | "b" },
    options: RequestOptions = {},
  ): Promise<{ event_id: string; origin_server_ts: number }> {
    checkRoomId(roomId);
    return this.GET(
      path`/v1/rooms/${roomId}/timestamp_to_event`,
      { query: { ts: at.ts, dir: at.dir ?? "f" }, schema: eventAtSchema },
      options,
    );
  }

  /**
   * Blocks a room (`blocked: true`: nobody on this server can join it), or unblocks it. The room need not be known.
   *
   * `PUT /_synapse/admin/v1/rooms/<room_id>/block`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#block-or-unblock-a-room
   */
  async setBlocked(
    roomId: RoomId,
    state: { blocked: boolean },
    options: RequestOptions = {},
  ): Promise<{ block: boolean }> {
    checkRoomId(roomId);
    const body = { block: state.blocked };
    return this.PUT(path`/v1/rooms/${roomId}/block`, { body, schema: blockSchema }, options);
  }

  /**
   * Whether a room is blocked, and by whom.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/block`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#get-block-status
   */
  async blockStatus(
    roomId: RoomId,
    options: RequestOptions = {},
  ): Promise<{ block: boolean; user_id?: string }> {
    checkRoomId(roomId);
    return this.GET(path`/v1/rooms/${roomId}/block`, { schema: blockStatusSchema }, options);
  }

  /**
   * Deletes a room and waits for it (the old, synchronous API).
   *
   * `DELETE /_synapse/admin/v1/rooms/<room_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#version-1-old-version
   */
  async deleteNow(
    roomId: RoomId,
    deletion: RoomDeleteOptions = {},
    options: RequestOptions = {},
  ): Promise<RoomShutdown> {
    checkRoomId(roomId);
    const body = roomDeleteBody(deletion);
    return this.DELETE(path`/v1/rooms/${roomId}`, { body, schema: shutdownSchema }, options);
  }

  /**
   * Deletes a room in the background. The request is sent at once; `await`
   * waits for the delete to end (its final status), `.started()` gives the job.
   *
   * `DELETE /_synapse/admin/v2/rooms/<room_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#version-2-new-version
   */
  delete(
    roomId: RoomId,
    deletion: RoomDeleteOptions = {},
    options: RequestOptions = {},
  ): PendingJob<RoomDeleteStatus> {
    return new PendingJob(async () => {
      checkRoomId(roomId);
      const { delete_id } = await this.DELETE(
        path`/v2/rooms/${roomId}`,
        { body: roomDeleteBody(deletion), schema: deleteSchema },
        options,
      );
      return this.deleteJob(delete_id);
    }, options.signal);
  }

  /**
   * A handle on a room delete started earlier; makes no request until its status is asked for.
   *
   * `GET /_synapse/admin/v2/rooms/delete_status/<delete_id>` (when polled)
   */
  deleteJob(deleteId: string): LongRunningJob<RoomDeleteStatus> {
    return statusJob(deleteId, `room delete ${deleteId}`, (id, options) => this.deleteStatus(id, options));
  }

  /**
   * The status of a room delete, by its delete ID.
   *
   * `GET /_synapse/admin/v2/rooms/delete_status/<delete_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#query-by-delete_id
   */
  deleteStatus(deleteId: string, options: RequestOptions = {}): Promise<RoomDeleteStatus> {
    return this.GET(path`/v2/rooms/delete_status/${deleteId}`, { schema: deleteStatusSchema }, options);
  }

  /**
   * The statuses of every delete of a room.
   *
   * `GET /_synapse/admin/v2/rooms/<room_id>/delete_status`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#query-by-room_id
   */
  async deleteStatusOfRoom(
    roomId: RoomId,
    options: RequestOptions = {},
  ): Promise<{ results: RoomDeleteStatus[] }> {
    checkRoomId(roomId);
    return this.GET(path`/v2/rooms/${roomId}/delete_status`, { schema: deleteStatusesSchema }, options);
  }

  /**
   * Gives a local user (the caller by default) the highest power level in a room.
   *
   * `POST /_synapse/admin/v1/rooms/<room_id_or_alias>/make_room_admin`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#make-room-admin-api
   */
  async makeAdmin(
    roomIdOrAlias: RoomIdOrAlias,
    userId?: UserId,
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkRoomIdOrAlias(roomIdOrAlias);
    if (userId !== undefined) checkUserId(userId);
    return this.POST(
      path`/v1/rooms/${roomIdOrAlias}/make_room_admin`,
      { body: userId === undefined ? {} : { user_id: userId }, schema: emptyAnswerSchema },
      options,
    );
  }

  /**
   * A room's forward extremities.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id_or_alias>/forward_extremities`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#check-for-forward-extremities
   */
  async forwardExtremities(
    roomIdOrAlias: RoomIdOrAlias,
    options: RequestOptions = {},
  ): Promise<{ count: number; results: ForwardExtremity[] }> {
    checkRoomIdOrAlias(roomIdOrAlias);
    return this.GET(
      path`/v1/rooms/${roomIdOrAlias}/forward_extremities`,
      { schema: extremitiesSchema },
      options,
    );
  }

  /**
   * Deletes a room's extra forward extremities.
   *
   * `DELETE /_synapse/admin/v1/rooms/<room_id_or_alias>/forward_extremities`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#deleting-forward-extremities
   */
  async deleteForwardExtremities(
    roomIdOrAlias: RoomIdOrAlias,
    options: RequestOptions = {},
  ): Promise<{ deleted: number }> {
    checkRoomIdOrAlias(roomIdOrAlias);
    return this.DELETE(
      path`/v1/rooms/${roomIdOrAlias}/forward_extremities`,
      { schema: deletedSchema },
      options,
    );
  }

  /**
   * The events before and after an event.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/context/<event_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#event-context-api
   */
  async eventContext(
    roomId: RoomId,
    eventId: EventId,
    params: { limit?: number; filter?: unknown } = {},
    options: RequestOptions = {},
  ): Promise<EventContext> {
    checkRoomId(roomId);
    checkEventId(eventId);
    const query = {
      limit: params.limit,
      filter: params.filter === undefined ? undefined : JSON.stringify(params.filter),
    };
    return this.GET(path`/v1/rooms/${roomId}/context/${eventId}`, { query, schema: contextSchema }, options);
  }

  /**
   * The rooms of a space, depth first, without membership checks: `await`
   * gives the page at `from`, iterating every room from there (following `next_batch`).
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/hierarchy`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#admin-space-hierarchy-endpoint
   */
  hierarchy(
    roomId: RoomId,
    params: { from?: string; limit?: number; maxDepth?: number } = {},
    options: RequestOptions = {},
  ): PagedList<HierarchyPage, HierarchyRoom, string> {
    checkRoomId(roomId);
    return this.pagedGet(
      {
        path: path`/v1/rooms/${roomId}/hierarchy`,
        query: (from) => ({ from: from ?? params.from, limit: params.limit, max_depth: params.maxDepth }),
        schema: hierarchySchema,
        items: (page) => page.rooms,
        nextCursor: (page) => page.next_batch,
      },
      options,
    );
  }

  /**
   * Joins a local user to a room the admin is in (or a public one).
   *
   * `POST /_synapse/admin/v1/join/<room_id_or_alias>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/room_membership.html
   */
  async join(
    roomIdOrAlias: RoomIdOrAlias,
    userId: UserId,
    options: RequestOptions = {},
  ): Promise<{ room_id: RoomId }> {
    checkRoomIdOrAlias(roomIdOrAlias);
    checkUserId(userId);
    return this.POST(
      path`/v1/join/${roomIdOrAlias}`,
      { body: { user_id: userId }, schema: roomIdSchema },
      options,
    );
  }

  /**
   * The media of a room (unencrypted events only), local and remote.
   *
   * `GET /_synapse/admin/v1/room/<room_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#list-all-media-in-a-room
   */
  async media(roomId: RoomId, options: RequestOptions = {}): Promise<{ local: string[]; remote: string[] }> {
    checkRoomId(roomId);
    return this.GET(path`/v1/room/${roomId}/media`, { schema: roomMediaSchema }, options);
  }

  /**
   * Quarantines every media file of a room.
   *
   * `POST /_synapse/admin/v1/room/<room_id>/media/quarantine`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#quarantining-media-in-a-room
   */
  async quarantineMedia(roomId: RoomId, options: RequestOptions = {}): Promise<{ num_quarantined: number }> {
    checkRoomId(roomId);
    return this.POST(
      path`/v1/room/${roomId}/media/quarantine`,
      { body: {}, schema: quarantinedSchema },
      options,
    );
  }

  /**
   * The room ID an alias points to (client API).
   *
   * `GET /_matrix/client/v3/directory/room/<room_alias>`
   */
  async resolveAlias(
    alias: RoomAlias,
    options: RequestOptions = {},
  ): Promise<{ room_id: RoomId; servers: string[] }> {
    checkRoomAlias(alias, "alias");
    return this.GET(
      path`/client/v3/directory/room/${alias}`,
      { prefix: "matrix", schema: aliasSchema },
      options,
    );
  }

  /**
   * Publishes a room in the server's room directory, or removes it (client API; server admins may).
   *
   * `PUT /_matrix/client/v3/directory/list/room/<room_id>`
   */
  async setDirectoryVisibility(
    roomId: RoomId,
    listing: { visibility: "public" | "private" },
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkRoomId(roomId);
    return this.PUT(
      path`/client/v3/directory/list/room/${roomId}`,
      { prefix: "matrix", body: { visibility: listing.visibility }, schema: emptyAnswerSchema },
      options,
    );
  }
}
