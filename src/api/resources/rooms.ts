import { array, looseObject, number, optional, string, union } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { jobOutcome, LongRunningJob } from "../jobs.ts";
import type { RoomOrder } from "../orders.ts";
import { checkPageLimit, type PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { PagedResource } from "./resource.ts";

/** A room as the room list shows it. */
export interface RoomSummary {
  room_id: string;
  name: string | null;
  canonical_alias: string | null;
  joined_members: number;
  joined_local_members: number;
  version: string;
  creator: string;
  encryption: string | null;
  federatable: boolean;
  public: boolean;
  join_rules: string | null;
  guest_access: string | null;
  history_visibility: string | null;
  state_events: number;
  room_type: string | null;
  [field: string]: unknown;
}

/** One page of the room list. */
export interface RoomListPage {
  rooms: RoomSummary[];
  offset: number;
  total_rooms: number;
  next_batch?: number;
  prev_batch?: number;
  [field: string]: unknown;
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
  new_room_user_id?: string;
  room_name?: string;
  message?: string;
  /** Block the room so nobody can join it again. */
  block?: boolean;
  /** Remove every trace of the room from the database (default true). */
  purge?: boolean;
  /** Purge even when local users are still in the room. */
  force_purge?: boolean;
}

/** The status of an asynchronous room delete. */
export interface RoomDeleteStatus {
  delete_id?: string;
  room_id?: string;
  /** `scheduled`, `active`, `shutting_down`, `purging`, `complete` or `failed`; others may come. */
  status: string;
  error?: string;
  shutdown_room?: {
    kicked_users: string[];
    failed_to_kick_users: string[];
    local_aliases: string[];
    new_room_id: string | null;
  };
  [field: string]: unknown;
}

const roomListSchema = looseObject({
  rooms: array(looseObject({ room_id: string() })),
  total_rooms: number(),
  next_batch: optional(union([number(), string()])),
});
const deleteSchema = looseObject({ delete_id: string() });
const deleteStatusSchema = looseObject({ status: string() });

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
    return this.GET<RoomListPage>("/v1/rooms", { query, schema: roomListSchema }, options);
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
        nextCursor: (page) => (page.next_batch === undefined ? undefined : Number(page.next_batch)),
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
  get(roomId: string, options: RequestOptions = {}): Promise<RoomSummary & Record<string, unknown>> {
    return this.GET(path`/v1/rooms/${roomId}`, {}, options);
  }

  /**
   * The joined members of a room.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/members`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-members-api
   */
  members(roomId: string, options: RequestOptions = {}): Promise<{ members: string[]; total: number }> {
    return this.GET(path`/v1/rooms/${roomId}/members`, {}, options);
  }

  /**
   * The current state events of a room.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/state`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-state-api
   */
  state(roomId: string, options: RequestOptions = {}): Promise<{ state: Array<Record<string, unknown>> }> {
    return this.GET(path`/v1/rooms/${roomId}/state`, {}, options);
  }

  /**
   * A room's messages from a pagination token (or the start): `await` gives
   * that page, iterating every event from there (following `end`).
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/messages`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#room-messages-api
   */
  messages(
    roomId: string,
    params: { from?: string; to?: string; limit?: number; filter?: unknown; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): PagedList<
    { chunk: Array<Record<string, unknown>>; start: string; end?: string; state?: unknown[] },
    Record<string, unknown>,
    string
  > {
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
  timestampToEvent(
    roomId: string,
    ts: number,
    dir: "f" | "b" = "f",
    options: RequestOptions = {},
  ): Promise<{ event_id: string; origin_server_ts: number }> {
    return this.GET(path`/v1/rooms/${roomId}/timestamp_to_event`, { query: { ts, dir } }, options);
  }

  /**
   * Blocks a room (nobody on this server can join it), or unblocks it. The room need not be known.
   *
   * `PUT /_synapse/admin/v1/rooms/<room_id>/block`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#block-or-unblock-a-room
   */
  setBlocked(roomId: string, block: boolean, options: RequestOptions = {}): Promise<{ block: boolean }> {
    return this.PUT(path`/v1/rooms/${roomId}/block`, { body: { block } }, options);
  }

  /**
   * Whether a room is blocked, and by whom.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/block`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#get-block-status
   */
  blockStatus(roomId: string, options: RequestOptions = {}): Promise<{ block: boolean; user_id?: string }> {
    return this.GET(path`/v1/rooms/${roomId}/block`, {}, options);
  }

  /**
   * Deletes a room and waits for it (the old, synchronous API).
   *
   * `DELETE /_synapse/admin/v1/rooms/<room_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#version-1-old-version
   */
  deleteNow(
    roomId: string,
    deletion: RoomDeleteOptions = {},
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.DELETE(path`/v1/rooms/${roomId}`, { body: deletion }, options);
  }

  /**
   * Starts deleting a room in the background; the job follows it to its end.
   *
   * `DELETE /_synapse/admin/v2/rooms/<room_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#version-2-new-version
   */
  async delete(
    roomId: string,
    deletion: RoomDeleteOptions = {},
    options: RequestOptions = {},
  ): Promise<LongRunningJob<RoomDeleteStatus>> {
    const { delete_id } = await this.DELETE(
      path`/v2/rooms/${roomId}`,
      { body: deletion, schema: deleteSchema },
      options,
    );
    return this.deleteJob(delete_id);
  }

  /**
   * A handle on a room delete started earlier; makes no request until its status is asked for.
   *
   * `GET /_synapse/admin/v2/rooms/delete_status/<delete_id>` (when polled)
   */
  deleteJob(deleteId: string): LongRunningJob<RoomDeleteStatus> {
    return new LongRunningJob<RoomDeleteStatus>(deleteId, {
      description: `room delete ${deleteId}`,
      fetchStatus: (signal) => this.deleteStatus(deleteId, signal ? { signal } : {}),
      outcome: jobOutcome,
      failureReason: (status) => status.error,
    });
  }

  /**
   * The status of a room delete, by its delete ID.
   *
   * `GET /_synapse/admin/v2/rooms/delete_status/<delete_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#query-by-delete_id
   */
  deleteStatus(deleteId: string, options: RequestOptions = {}): Promise<RoomDeleteStatus> {
    return this.GET<RoomDeleteStatus>(
      path`/v2/rooms/delete_status/${deleteId}`,
      { schema: deleteStatusSchema },
      options,
    );
  }

  /**
   * The statuses of every delete of a room.
   *
   * `GET /_synapse/admin/v2/rooms/<room_id>/delete_status`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#query-by-room_id
   */
  deleteStatusOfRoom(roomId: string, options: RequestOptions = {}): Promise<{ results: RoomDeleteStatus[] }> {
    return this.GET(path`/v2/rooms/${roomId}/delete_status`, {}, options);
  }

  /**
   * Gives a local user (the caller by default) the highest power level in a room.
   *
   * `POST /_synapse/admin/v1/rooms/<room_id_or_alias>/make_room_admin`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#make-room-admin-api
   */
  makeAdmin(
    roomIdOrAlias: string,
    userId?: string,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.POST(
      path`/v1/rooms/${roomIdOrAlias}/make_room_admin`,
      { body: userId === undefined ? {} : { user_id: userId } },
      options,
    );
  }

  /**
   * A room's forward extremities.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id_or_alias>/forward_extremities`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#check-for-forward-extremities
   */
  forwardExtremities(
    roomIdOrAlias: string,
    options: RequestOptions = {},
  ): Promise<{ count: number; results: unknown[] }> {
    return this.GET(path`/v1/rooms/${roomIdOrAlias}/forward_extremities`, {}, options);
  }

  /**
   * Deletes a room's extra forward extremities.
   *
   * `DELETE /_synapse/admin/v1/rooms/<room_id_or_alias>/forward_extremities`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#deleting-forward-extremities
   */
  deleteForwardExtremities(
    roomIdOrAlias: string,
    options: RequestOptions = {},
  ): Promise<{ deleted: number }> {
    return this.DELETE(path`/v1/rooms/${roomIdOrAlias}/forward_extremities`, {}, options);
  }

  /**
   * The events before and after an event.
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/context/<event_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#event-context-api
   */
  eventContext(
    roomId: string,
    eventId: string,
    params: { limit?: number; filter?: unknown } = {},
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    const query = {
      limit: params.limit,
      filter: params.filter === undefined ? undefined : JSON.stringify(params.filter),
    };
    return this.GET(path`/v1/rooms/${roomId}/context/${eventId}`, { query }, options);
  }

  /**
   * The rooms of a space, depth first, without membership checks: `await`
   * gives the page at `from`, iterating every room from there (following `next_batch`).
   *
   * `GET /_synapse/admin/v1/rooms/<room_id>/hierarchy`
   * @see https://element-hq.github.io/synapse/latest/admin_api/rooms.html#admin-space-hierarchy-endpoint
   */
  hierarchy(
    roomId: string,
    params: { from?: string; limit?: number; maxDepth?: number } = {},
    options: RequestOptions = {},
  ): PagedList<
    { rooms: Array<Record<string, unknown>>; next_batch?: string },
    Record<string, unknown>,
    string
  > {
    return this.pagedGet(
      {
        path: path`/v1/rooms/${roomId}/hierarchy`,
        query: (from) => ({ from: from ?? params.from, limit: params.limit, max_depth: params.maxDepth }),
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
  join(roomIdOrAlias: string, userId: string, options: RequestOptions = {}): Promise<{ room_id: string }> {
    return this.POST(path`/v1/join/${roomIdOrAlias}`, { body: { user_id: userId } }, options);
  }

  /**
   * The media of a room (unencrypted events only), local and remote.
   *
   * `GET /_synapse/admin/v1/room/<room_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#list-all-media-in-a-room
   */
  media(roomId: string, options: RequestOptions = {}): Promise<{ local: string[]; remote: string[] }> {
    return this.GET(path`/v1/room/${roomId}/media`, {}, options);
  }

  /**
   * Quarantines every media file of a room.
   *
   * `POST /_synapse/admin/v1/room/<room_id>/media/quarantine`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#quarantining-media-in-a-room
   */
  quarantineMedia(roomId: string, options: RequestOptions = {}): Promise<{ num_quarantined: number }> {
    return this.POST(path`/v1/room/${roomId}/media/quarantine`, { body: {} }, options);
  }

  /**
   * The room ID an alias points to (client API).
   *
   * `GET /_matrix/client/v3/directory/room/<room_alias>`
   */
  resolveAlias(alias: string, options: RequestOptions = {}): Promise<{ room_id: string; servers: string[] }> {
    return this.GET(path`/client/v3/directory/room/${alias}`, { prefix: "matrix" }, options);
  }

  /**
   * Publishes a room in the server's room directory, or removes it (client API; server admins may).
   *
   * `PUT /_matrix/client/v3/directory/list/room/<room_id>`
   */
  setDirectoryVisibility(
    roomId: string,
    visibility: "public" | "private",
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.PUT(
      path`/client/v3/directory/list/room/${roomId}`,
      { prefix: "matrix", body: { visibility } },
      options,
    );
  }
}
