import {
  array,
  boolean,
  exactOptional,
  nullable,
  number,
  object,
  record,
  string,
  union,
  unknown,
} from "valibot";
import { type EmptyAnswer, emptyAnswerSchema, type Flag, flagSchema } from "../answers.ts";
import type { HttpClient, RequestOptions } from "../http-client.ts";
import { roomIdField, userIdField } from "../id-schemas.ts";
import { checkRoomId, checkUserId, type RoomId, type UserId } from "../ids.ts";
import { type LongRunningJob, PendingJob, statusJob } from "../jobs.ts";
import type { MediaOrder, UserOrder } from "../orders.ts";
import { checkPageLimit, type PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** A user as the list endpoints return it (Synapse's `UserPaginateResponse`). */
export interface UserSummary {
  name: UserId;
  is_guest: boolean;
  admin: boolean;
  /** `null` for a regular user, else e.g. `bot` or `support`. */
  user_type: string | null;
  deactivated: boolean;
  erased: boolean;
  shadow_banned: boolean;
  displayname: string | null;
  avatar_url: string | null;
  /** Null for accounts whose creation time was never recorded. */
  creation_ts: number | null;
  /** Null when the user was never seen. */
  last_seen_ts: number | null;
  locked: boolean;
  /** Only when the server has MSC3866 (registration approval) on. */
  approved?: boolean;
}

/** A third-party ID (e-mail address, phone number) of a user. */
export interface Threepid {
  medium: string;
  address: string;
  validated_at: number;
  added_at: number;
}

/** A user account in full (Query User Account). */
export interface UserDetails {
  name: UserId;
  admin: boolean;
  deactivated: boolean;
  locked: boolean;
  shadow_banned: boolean;
  /** Null for accounts whose creation time was never recorded. */
  creation_ts: number | null;
  appservice_id: string | null;
  consent_server_notice_sent: string | null;
  consent_version: string | null;
  consent_ts: number | null;
  user_type: string | null;
  is_guest: boolean;
  suspended: boolean;
  /** Only when the server has MSC3866 (registration approval) on. */
  approved?: boolean;
  displayname: string | null;
  avatar_url: string | null;
  threepids: Threepid[];
  external_ids: Array<{ auth_provider: string; external_id: string }>;
  erased: boolean;
  /** Null when the user was never seen. */
  last_seen_ts: number | null;
}

/** One page of the user list. */
export interface UserListPage {
  users: UserSummary[];
  /** Where the next page starts; absent on the last page (a number from older servers). */
  next_token?: string | number;
  total: number;
}

/** Filters and order of the user list (v2; v3 differs only in `deactivated`). */
export interface UserListParams {
  /** Users whose ID contains this (ignored when `name` is given). */
  userId?: string;
  /** Users whose localpart or display name contains this. */
  name?: string;
  /**
   * `false` excludes guests. A server that delegates auth (MAS) refuses any
   * other value, so there `false` is sent whatever is given here.
   */
  guests?: boolean;
  /** `true` only admins, `false` no admins, absent both. */
  admins?: boolean;
  /** `true` includes deactivated users. */
  deactivated?: boolean;
  /** `true` includes locked users. */
  locked?: boolean;
  /** Page size (default 100). */
  limit?: number;
  /** Offset to start from: a `next_token`. */
  from?: string | number;
  orderBy?: UserOrder;
  /** `b` reverses the order. */
  dir?: "f" | "b";
  /** Excludes users of these types (`bot`, `support`, `""` for none). */
  notUserType?: readonly string[];
}

/** Fields of Create or modify account; only those given are changed. */
export interface UserUpdate {
  password?: string;
  logout_devices?: boolean;
  displayname?: string | null;
  avatar_url?: string | null;
  threepids?: Array<{ medium: string; address: string }>;
  external_ids?: Array<{ auth_provider: string; external_id: string }>;
  admin?: boolean;
  deactivated?: boolean;
  erase?: boolean;
  locked?: boolean;
  user_type?: string | null;
  approved?: boolean;
}

/** A device of a user. */
export interface Device {
  device_id: string;
  user_id: string;
  display_name: string | null;
  /** Null when the device was never seen (as the three that follow). */
  last_seen_ip: string | null;
  last_seen_ts: number | null;
  last_seen_user_agent: string | null;
}

/** A piece of media a user uploaded. */
export interface UserMedia {
  media_id: string;
  media_type: string;
  media_length: number | null;
  upload_name: string | null;
  created_ts: number;
  url_cache: string | null;
  last_access_ts: number | null;
  quarantined_by: string | null;
  safe_from_quarantine: boolean;
  user_id: string | null;
  /** Whether it was uploaded with authentication; null for media from before Synapse recorded it. */
  authenticated: Flag | null;
  sha256: string | null;
}

/** A page of a user's media. */
export interface UserMediaPage {
  media: UserMedia[];
  /** Where the next page starts; absent on the last page. */
  next_token?: number;
  total: number;
}

/** The user's sessions (Query current sessions), all under one device named `""`. */
export interface Whois {
  user_id: string;
  devices: Record<
    string,
    { sessions: Array<{ connections: Array<{ ip: string; last_seen: number; user_agent: string }> }> }
  >;
}

/** A pusher of a user. */
export interface Pusher {
  app_display_name: string;
  app_id: string;
  data: Record<string, unknown>;
  device_display_name: string;
  kind: string;
  lang: string;
  profile_tag: string | null;
  pushkey: string;
  enabled: boolean;
  device_id: string | null;
}

/** A rate-limit override; zeros mean no limit. */
export interface RateLimitOverride {
  messages_per_second: number;
  burst_count: number;
}

/** A user's account data: global by type, and per room by room ID and type. */
export interface AccountData {
  global: Record<string, Record<string, unknown>>;
  rooms: Record<string, Record<string, Record<string, unknown>>>;
}

/** Options of {@link UsersResource.redact}. */
export interface RedactOptions {
  /** Rooms to redact in; empty or absent: every room the user is in. */
  rooms?: readonly RoomId[];
  reason?: string;
  /** Events searched per room (Synapse's default 1000). */
  limit?: number;
  /** Redact as the admin instead of puppeting the user. */
  useAdmin?: boolean;
  afterTs?: number;
  beforeTs?: number;
}

/** Status of a redaction task. */
export interface RedactStatus {
  /** `scheduled`, `active`, `complete` or `failed`; a newer server may add others (read as running). */
  status: string;
  /** When complete: the events that could not be redacted, each with why. */
  failed_redactions?: Record<string, string>;
  /** When failed: why. */
  error?: string;
}

const nullableString = nullable(string());
const nullableNumber = nullable(number());
const userSummarySchema = responseSchema<UserSummary>()(
  object({
    name: userIdField,
    is_guest: boolean(),
    admin: boolean(),
    user_type: nullableString,
    deactivated: boolean(),
    erased: boolean(),
    shadow_banned: boolean(),
    displayname: nullableString,
    avatar_url: nullableString,
    creation_ts: nullableNumber,
    last_seen_ts: nullableNumber,
    locked: boolean(),
    approved: exactOptional(boolean()),
  }),
);
const userListSchema = responseSchema<UserListPage>()(
  object({
    users: array(userSummarySchema),
    next_token: exactOptional(union([string(), number()])),
    total: number(),
  }),
);
const userSchema = responseSchema<UserDetails>()(
  object({
    name: userIdField,
    admin: boolean(),
    deactivated: boolean(),
    locked: boolean(),
    shadow_banned: boolean(),
    creation_ts: nullableNumber,
    appservice_id: nullableString,
    consent_server_notice_sent: nullableString,
    consent_version: nullableString,
    consent_ts: nullableNumber,
    user_type: nullableString,
    is_guest: boolean(),
    suspended: boolean(),
    approved: exactOptional(boolean()),
    displayname: nullableString,
    avatar_url: nullableString,
    threepids: array(
      object({ medium: string(), address: string(), validated_at: number(), added_at: number() }),
    ),
    external_ids: array(object({ auth_provider: string(), external_id: string() })),
    erased: boolean(),
    last_seen_ts: nullableNumber,
  }),
);
const deviceSchema = responseSchema<Device>()(
  object({
    device_id: string(),
    user_id: string(),
    display_name: nullableString,
    last_seen_ip: nullableString,
    last_seen_ts: nullableNumber,
    last_seen_user_agent: nullableString,
  }),
);
const devicesSchema = responseSchema<{ devices: Device[]; total: number }>()(
  object({ devices: array(deviceSchema), total: number() }),
);
const mediaSchema = responseSchema<UserMediaPage>()(
  object({
    media: array(
      object({
        media_id: string(),
        media_type: string(),
        media_length: nullableNumber,
        upload_name: nullableString,
        created_ts: number(),
        url_cache: nullableString,
        last_access_ts: nullableNumber,
        quarantined_by: nullableString,
        safe_from_quarantine: boolean(),
        user_id: nullableString,
        authenticated: nullable(flagSchema),
        sha256: nullableString,
      }),
    ),
    next_token: exactOptional(number()),
    total: number(),
  }),
);
const deletedMediaSchema = responseSchema<{ deleted_media: string[]; total: number }>()(
  object({ deleted_media: array(string()), total: number() }),
);
const whoisSchema = responseSchema<Whois>()(
  object({
    user_id: string(),
    devices: record(
      string(),
      object({
        sessions: array(
          object({
            connections: array(object({ ip: string(), last_seen: number(), user_agent: string() })),
          }),
        ),
      }),
    ),
  }),
);
const pushersSchema = responseSchema<{ pushers: Pusher[]; total: number }>()(
  object({
    pushers: array(
      object({
        app_display_name: string(),
        app_id: string(),
        data: record(string(), unknown()),
        device_display_name: string(),
        kind: string(),
        lang: string(),
        profile_tag: nullableString,
        pushkey: string(),
        enabled: boolean(),
        device_id: nullableString,
      }),
    ),
    total: number(),
  }),
);
const rateLimitSchema = responseSchema<RateLimitOverride>()(
  object({ messages_per_second: number(), burst_count: number() }),
);
const maybeRateLimitSchema = responseSchema<Partial<RateLimitOverride>>()(
  object({ messages_per_second: exactOptional(number()), burst_count: exactOptional(number()) }),
);
const redactSchema = responseSchema<{ redact_id: string }>()(object({ redact_id: string() }));
const redactStatusSchema = responseSchema<RedactStatus>()(
  object({
    status: string(),
    failed_redactions: exactOptional(record(string(), string())),
    error: exactOptional(string()),
  }),
);
const joinedRoomsSchema = responseSchema<{ joined_rooms: RoomId[]; total: number }>()(
  object({ joined_rooms: array(roomIdField), total: number() }),
);
const membershipsSchema = responseSchema<{ memberships: Record<string, string> }>()(
  object({ memberships: record(string(), string()) }),
);
const accountDataSchema = responseSchema<{ account_data: AccountData }>()(
  object({
    account_data: object({
      global: record(string(), record(string(), unknown())),
      rooms: record(string(), record(string(), record(string(), unknown()))),
    }),
  }),
);
const userIdSchema = responseSchema<{ user_id: string }>()(object({ user_id: string() }));
const deactivateSchema = responseSchema<{ id_server_unbind_result: string }>()(
  object({ id_server_unbind_result: string() }),
);
// The one key is named after the user: `user_<user ID>_suspended`.
const suspendSchema = responseSchema<Record<string, boolean>>()(record(string(), boolean()));
const isAdminSchema = responseSchema<{ admin: boolean }>()(object({ admin: boolean() }));
const inviteCountSchema = responseSchema<{ invite_count: number }>()(object({ invite_count: number() }));
const joinedRoomCountSchema = responseSchema<{ cumulative_joined_room_count: number }>()(
  object({ cumulative_joined_room_count: number() }),
);
const accessTokenSchema = responseSchema<{ access_token: string }>()(object({ access_token: string() }));
const crossSigningSchema = responseSchema<{ updatable_without_uia_before_ms: number }>()(
  object({ updatable_without_uia_before_ms: number() }),
);
const availableSchema = responseSchema<{ available: boolean }>()(object({ available: boolean() }));

function listQuery(
  params: UserListParams,
): Record<string, string | number | boolean | readonly string[] | undefined> {
  return {
    from: params.from,
    limit: params.limit,
    guests: params.guests,
    admins: params.admins,
    deactivated: params.deactivated,
    locked: params.locked,
    name: params.name,
    user_id: params.userId,
    order_by: params.orderBy,
    dir: params.dir,
    not_user_type: params.notUserType,
  };
}

/**
 * The User Admin API (`user_admin_api.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html
 */
export class UsersResource extends PagedResource {
  readonly #delegatesAuth: ((signal?: AbortSignal) => Promise<boolean>) | undefined;

  /**
   * `delegatesAuth` tells whether the server delegates auth (MAS, `GET /_matrix/client/v1/auth_metadata`), asked
   * before a user list that would send `guests` other than `false`.
   */
  constructor(http: HttpClient, delegatesAuth?: (signal?: AbortSignal) => Promise<boolean>) {
    super(http);
    this.#delegatesAuth = delegatesAuth;
  }

  /**
   * A user account in full.
   *
   * `GET /_synapse/admin/v2/users/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#query-user-account
   */
  async get(userId: UserId, options: RequestOptions = {}): Promise<UserDetails> {
    checkUserId(userId);
    return this.GET(path`/v2/users/${userId}`, { schema: userSchema }, options);
  }

  /**
   * Creates a local user, or changes the fields given of an existing one.
   * Answers the account as it is afterwards.
   *
   * `PUT /_synapse/admin/v2/users/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#create-or-modify-account
   */
  async createOrModify(
    userId: UserId,
    update: UserUpdate,
    options: RequestOptions = {},
  ): Promise<UserDetails> {
    checkUserId(userId);
    return this.PUT(path`/v2/users/${userId}`, { body: update, schema: userSchema }, options);
  }

  /**
   * One page of local users.
   *
   * `GET /_synapse/admin/v2/users`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-accounts-v2
   */
  listPage(params: UserListParams = {}, options: RequestOptions = {}): Promise<UserListPage> {
    return this.#listPageAt("/v2/users", params, options);
  }

  /**
   * Every local user matching the filters, fetched page by page as iterated.
   *
   * `GET /_synapse/admin/v2/users` (following `next_token`)
   */
  list(
    params: UserListParams = {},
    options: RequestOptions = {},
  ): PagedList<UserListPage, UserSummary, string | number> {
    return this.#listAt("/v2/users", params, options);
  }

  /**
   * One page of local users from the v3 list, where `deactivated: false`
   * excludes deactivated users and absent includes everyone.
   *
   * `GET /_synapse/admin/v3/users`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-accounts-v3
   */
  listPageV3(params: UserListParams = {}, options: RequestOptions = {}): Promise<UserListPage> {
    return this.#listPageAt("/v3/users", params, options);
  }

  /**
   * Every local user matching the filters, from the v3 list (where
   * `deactivated: false` excludes deactivated users), fetched page by page as iterated.
   *
   * `GET /_synapse/admin/v3/users` (following `next_token`)
   */
  listV3(
    params: UserListParams = {},
    options: RequestOptions = {},
  ): PagedList<UserListPage, UserSummary, string | number> {
    return this.#listAt("/v3/users", params, options);
  }

  // The v2 and v3 lists take the same filters and give the same pages.
  async #listPageAt(path: string, params: UserListParams, options: RequestOptions): Promise<UserListPage> {
    checkPageLimit(params.limit);
    const query = listQuery(params);
    if (params.guests !== false && (await this.#authDelegated(options.signal))) query["guests"] = false;
    return this.GET(path, { query, schema: userListSchema }, options);
  }

  async #authDelegated(signal: AbortSignal | undefined): Promise<boolean> {
    if (!this.#delegatesAuth) return false;
    try {
      return await this.#delegatesAuth(signal);
    } catch (error) {
      // The caller's own abort is the caller's: not a question left open.
      if (signal?.aborted) throw error;
      // An unanswered question must not cost the list on the servers without MAS, the most.
      this.http.logger.warn(`cannot tell whether the server delegates auth: ${(error as Error).message}`);
      return false;
    }
  }

  #listAt(
    path: string,
    params: UserListParams,
    options: RequestOptions,
  ): PagedList<UserListPage, UserSummary, string | number> {
    checkPageLimit(params.limit);
    return this.pagedGet(
      {
        path,
        fetchPage: (from, pageOptions) =>
          this.#listPageAt(path, { ...params, ...(from === undefined ? {} : { from }) }, pageOptions),
        items: (page) => page.users,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * The user's sessions: devices, IPs, user agents, last seen.
   *
   * `GET /_synapse/admin/v1/whois/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#query-current-sessions-for-a-user
   */
  async whois(userId: UserId, options: RequestOptions = {}): Promise<Whois> {
    checkUserId(userId);
    return this.GET(path`/v1/whois/${userId}`, { schema: whoisSchema }, options);
  }

  /**
   * Deactivates an account (logs it out, removes it from rooms and its 3PIDs);
   * `erase: true` also marks it GDPR-erased.
   *
   * `POST /_synapse/admin/v1/deactivate/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#deactivate-account
   */
  async deactivate(
    userId: UserId,
    deactivation: { erase?: boolean | undefined } = {},
    options: RequestOptions = {},
  ): Promise<{ id_server_unbind_result: string }> {
    checkUserId(userId);
    const body = { erase: deactivation.erase ?? false };
    return this.POST(path`/v1/deactivate/${userId}`, { body, schema: deactivateSchema }, options);
  }

  /**
   * Suspends (freezes) an account with `suspended: true`, or lifts it with `false`.
   *
   * `PUT /_synapse/admin/v1/suspend/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#suspendunsuspend-account
   */
  async setSuspended(
    userId: UserId,
    state: { suspended: boolean },
    options: RequestOptions = {},
  ): Promise<Record<string, boolean>> {
    checkUserId(userId);
    const body = { suspend: state.suspended };
    return this.PUT(path`/v1/suspend/${userId}`, { body, schema: suspendSchema }, options);
  }

  /**
   * Sets a new password; the user is logged out everywhere unless `logoutDevices` is false.
   *
   * `POST /_synapse/admin/v1/reset_password/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#reset-password
   */
  async resetPassword(
    userId: UserId,
    reset: { newPassword: string; logoutDevices?: boolean },
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkUserId(userId);
    const body = { new_password: reset.newPassword, logout_devices: reset.logoutDevices ?? true };
    return this.POST(path`/v1/reset_password/${userId}`, { body, schema: emptyAnswerSchema }, options);
  }

  /**
   * Whether the user is a server admin.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/admin`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-whether-a-user-is-a-server-administrator-or-not
   */
  async isAdmin(userId: UserId, options: RequestOptions = {}): Promise<{ admin: boolean }> {
    checkUserId(userId);
    return this.GET(path`/v1/users/${userId}/admin`, { schema: isAdminSchema }, options);
  }

  /**
   * Makes the user a server admin (`admin: true`), or not.
   *
   * `PUT /_synapse/admin/v1/users/<user_id>/admin`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#change-whether-a-user-is-a-server-administrator-or-not
   */
  async setAdmin(
    userId: UserId,
    state: { admin: boolean },
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkUserId(userId);
    const body = { admin: state.admin };
    return this.PUT(path`/v1/users/${userId}/admin`, { body, schema: emptyAnswerSchema }, options);
  }

  /**
   * The user's membership in every room it has one in (join, invite, leave, ban...).
   *
   * `GET /_synapse/admin/v1/users/<user_id>/memberships`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-room-memberships-of-a-user
   */
  async memberships(
    userId: UserId,
    options: RequestOptions = {},
  ): Promise<{ memberships: Record<string, string> }> {
    checkUserId(userId);
    return this.GET(path`/v1/users/${userId}/memberships`, { schema: membershipsSchema }, options);
  }

  /**
   * The rooms the user has joined.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/joined_rooms`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-joined-rooms-of-a-user
   */
  async joinedRooms(
    userId: UserId,
    options: RequestOptions = {},
  ): Promise<{ joined_rooms: RoomId[]; total: number }> {
    checkUserId(userId);
    return this.GET(path`/v1/users/${userId}/joined_rooms`, { schema: joinedRoomsSchema }, options);
  }

  /**
   * How many invites the user sent since a time.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/sent_invite_count`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-the-number-of-invites-sent-by-the-user
   */
  async sentInviteCount(
    userId: UserId,
    since: { fromTs: number },
    options: RequestOptions = {},
  ): Promise<{ invite_count: number }> {
    checkUserId(userId);
    return this.GET(
      path`/v1/users/${userId}/sent_invite_count`,
      { query: { from_ts: since.fromTs }, schema: inviteCountSchema },
      options,
    );
  }

  /**
   * How many rooms the user joined since a time.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/cumulative_joined_room_count`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-the-cumulative-number-of-rooms-a-user-has-joined-after-a-given-timestamp
   */
  async cumulativeJoinedRoomCount(
    userId: UserId,
    since: { fromTs: number },
    options: RequestOptions = {},
  ): Promise<{ cumulative_joined_room_count: number }> {
    checkUserId(userId);
    return this.GET(
      path`/v1/users/${userId}/cumulative_joined_room_count`,
      { query: { from_ts: since.fromTs }, schema: joinedRoomCountSchema },
      options,
    );
  }

  /**
   * The user's global and per-room account data.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/accountdata`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#account-data
   */
  async accountData(userId: UserId, options: RequestOptions = {}): Promise<{ account_data: AccountData }> {
    checkUserId(userId);
    return this.GET(path`/v1/users/${userId}/accountdata`, { schema: accountDataSchema }, options);
  }

  /**
   * One page of the media the user uploaded.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-media-uploaded-by-a-user
   */
  async mediaPage(
    userId: UserId,
    params: { from?: number; limit?: number; orderBy?: MediaOrder; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): Promise<UserMediaPage> {
    checkUserId(userId);
    const query = { from: params.from, limit: params.limit, order_by: params.orderBy, dir: params.dir };
    return this.GET(path`/v1/users/${userId}/media`, { query, schema: mediaSchema }, options);
  }

  /**
   * The media the user uploaded: `await` gives the page at `from`, iterating
   * every piece from there (following `next_token`).
   *
   * `GET /_synapse/admin/v1/users/<user_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-media-uploaded-by-a-user
   */
  media(
    userId: UserId,
    params: { from?: number; limit?: number; orderBy?: MediaOrder; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): PagedList<UserMediaPage, UserMedia, number> {
    checkUserId(userId);
    return this.pagedGet(
      {
        path: path`/v1/users/${userId}/media`,
        fetchPage: (from, pageOptions) =>
          this.mediaPage(userId, { ...params, ...(from === undefined ? {} : { from }) }, pageOptions),
        items: (page) => page.media,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * Deletes the media the user uploaded (a page of it, as listed with the same parameters).
   *
   * `DELETE /_synapse/admin/v1/users/<user_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-media-uploaded-by-a-user
   */
  async deleteMedia(
    userId: UserId,
    params: { from?: number; limit?: number; orderBy?: MediaOrder; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): Promise<{ deleted_media: string[]; total: number }> {
    checkUserId(userId);
    const query = { from: params.from, limit: params.limit, order_by: params.orderBy, dir: params.dir };
    return this.DELETE(path`/v1/users/${userId}/media`, { query, schema: deletedMediaSchema }, options);
  }

  /**
   * An access token of the user, without a new device; expires at `validUntilMs` (epoch ms) if given.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/login`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#login-as-a-user
   */
  async loginAs(
    userId: UserId,
    login: { validUntilMs?: number | undefined } = {},
    options: RequestOptions = {},
  ): Promise<{ access_token: string }> {
    checkUserId(userId);
    const body = login.validUntilMs === undefined ? {} : { valid_until_ms: login.validUntilMs };
    return this.POST(path`/v1/users/${userId}/login`, { body, schema: accessTokenSchema }, options);
  }

  /**
   * Lets the user replace their master cross-signing key without interactive auth for 10 minutes.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/_allow_cross_signing_replacement_without_uia`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#allow-replacing-master-cross-signing-key-without-user-interactive-auth
   */
  async allowCrossSigningReplacement(
    userId: UserId,
    options: RequestOptions = {},
  ): Promise<{ updatable_without_uia_before_ms: number }> {
    checkUserId(userId);
    return this.POST(
      path`/v1/users/${userId}/_allow_cross_signing_replacement_without_uia`,
      { body: {}, schema: crossSigningSchema },
      options,
    );
  }

  /**
   * Every device of the user.
   *
   * `GET /_synapse/admin/v2/users/<user_id>/devices`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-all-devices
   */
  async devices(userId: UserId, options: RequestOptions = {}): Promise<{ devices: Device[]; total: number }> {
    checkUserId(userId);
    return this.GET(path`/v2/users/${userId}/devices`, { schema: devicesSchema }, options);
  }

  /**
   * Creates a device for the user.
   *
   * `POST /_synapse/admin/v2/users/<user_id>/devices`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#create-a-device
   */
  async createDevice(userId: UserId, deviceId: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.POST(
      path`/v2/users/${userId}/devices`,
      { body: { device_id: deviceId }, schema: emptyAnswerSchema },
      options,
    );
  }

  /**
   * One device of the user.
   *
   * `GET /_synapse/admin/v2/users/<user_id>/devices/<device_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#show-a-device
   */
  async device(userId: UserId, deviceId: string, options: RequestOptions = {}): Promise<Device> {
    checkUserId(userId);
    return this.GET(path`/v2/users/${userId}/devices/${deviceId}`, { schema: deviceSchema }, options);
  }

  /**
   * Renames a device.
   *
   * `PUT /_synapse/admin/v2/users/<user_id>/devices/<device_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#update-a-device
   */
  async renameDevice(
    userId: UserId,
    deviceId: string,
    device: { displayName: string },
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.PUT(
      path`/v2/users/${userId}/devices/${deviceId}`,
      { body: { display_name: device.displayName }, schema: emptyAnswerSchema },
      options,
    );
  }

  /**
   * Deletes a device and its access token.
   *
   * `DELETE /_synapse/admin/v2/users/<user_id>/devices/<device_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-a-device
   */
  async deleteDevice(userId: UserId, deviceId: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.DELETE(path`/v2/users/${userId}/devices/${deviceId}`, { schema: emptyAnswerSchema }, options);
  }

  /**
   * Deletes several devices and their access tokens.
   *
   * `POST /_synapse/admin/v2/users/<user_id>/delete_devices`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-multiple-devices
   */
  async deleteDevices(
    userId: UserId,
    deviceIds: readonly string[],
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.POST(
      path`/v2/users/${userId}/delete_devices`,
      { body: { devices: deviceIds }, schema: emptyAnswerSchema },
      options,
    );
  }

  /**
   * The user's pushers.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/pushers`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-all-pushers
   */
  async pushers(userId: UserId, options: RequestOptions = {}): Promise<{ pushers: Pusher[]; total: number }> {
    checkUserId(userId);
    return this.GET(path`/v1/users/${userId}/pushers`, { schema: pushersSchema }, options);
  }

  /**
   * Shadow-bans the user: their messages silently go nowhere.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/shadow_ban`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#controlling-whether-a-user-is-shadow-banned
   */
  async shadowBan(userId: UserId, options: RequestOptions = {}): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.POST(path`/v1/users/${userId}/shadow_ban`, { body: {}, schema: emptyAnswerSchema }, options);
  }

  /**
   * Lifts a shadow-ban.
   *
   * `DELETE /_synapse/admin/v1/users/<user_id>/shadow_ban`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#controlling-whether-a-user-is-shadow-banned
   */
  async unshadowBan(userId: UserId, options: RequestOptions = {}): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.DELETE(path`/v1/users/${userId}/shadow_ban`, { schema: emptyAnswerSchema }, options);
  }

  /**
   * The user's rate-limit override (`{}` when there is none).
   *
   * `GET /_synapse/admin/v1/users/<user_id>/override_ratelimit`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-status-of-ratelimit
   */
  async rateLimit(userId: UserId, options: RequestOptions = {}): Promise<Partial<RateLimitOverride>> {
    checkUserId(userId);
    return this.GET(path`/v1/users/${userId}/override_ratelimit`, { schema: maybeRateLimitSchema }, options);
  }

  /**
   * Overrides the user's rate limit; zeros disable limiting.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/override_ratelimit`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#set-ratelimit
   */
  async setRateLimit(
    userId: UserId,
    limit: { messagesPerSecond?: number | undefined; burstCount?: number | undefined },
    options: RequestOptions = {},
  ): Promise<RateLimitOverride> {
    checkUserId(userId);
    const body: Record<string, number> = {};
    if (limit.messagesPerSecond !== undefined) body["messages_per_second"] = limit.messagesPerSecond;
    if (limit.burstCount !== undefined) body["burst_count"] = limit.burstCount;
    return this.POST(
      path`/v1/users/${userId}/override_ratelimit`,
      { body, schema: rateLimitSchema },
      options,
    );
  }

  /**
   * Removes the user's rate-limit override.
   *
   * `DELETE /_synapse/admin/v1/users/<user_id>/override_ratelimit`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-ratelimit
   */
  async deleteRateLimit(userId: UserId, options: RequestOptions = {}): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.DELETE(path`/v1/users/${userId}/override_ratelimit`, { schema: emptyAnswerSchema }, options);
  }

  /**
   * Whether a localpart is free to register (a taken or invalid one is an error).
   *
   * `GET /_synapse/admin/v1/username_available?username=<localpart>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#check-username-availability
   */
  usernameAvailable(localpart: string, options: RequestOptions = {}): Promise<{ available: boolean }> {
    return this.GET(
      "/v1/username_available",
      { query: { username: localpart }, schema: availableSchema },
      options,
    );
  }

  /**
   * The user linked to an external ID of an SSO/OIDC provider.
   *
   * `GET /_synapse/admin/v1/auth_providers/<provider>/users/<external_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#find-a-user-based-on-their-id-in-an-auth-provider
   */
  findByAuthProvider(
    provider: string,
    externalId: string,
    options: RequestOptions = {},
  ): Promise<{ user_id: string }> {
    return this.GET(
      path`/v1/auth_providers/${provider}/users/${externalId}`,
      { schema: userIdSchema },
      options,
    );
  }

  /**
   * The user owning a third-party ID (e-mail address, phone number).
   *
   * `GET /_synapse/admin/v1/threepid/<medium>/users/<address>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#find-a-user-based-on-their-third-party-id-threepid-or-3pid
   */
  findByThreepid(
    medium: string,
    address: string,
    options: RequestOptions = {},
  ): Promise<{ user_id: string }> {
    return this.GET(path`/v1/threepid/${medium}/users/${address}`, { schema: userIdSchema }, options);
  }

  /**
   * Redacts the user's events. The request is sent at once; `await` waits for
   * the redaction to end (its final status), `.started()` gives the job.
   *
   * `POST /_synapse/admin/v1/user/<user_id>/redact`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#redact-events-of-a-user
   */
  redact(userId: UserId, redact: RedactOptions = {}, options: RequestOptions = {}): PendingJob<RedactStatus> {
    return new PendingJob(async () => {
      checkUserId(userId);
      for (const room of redact.rooms ?? []) checkRoomId(room, "rooms");
      const body: Record<string, unknown> = { rooms: redact.rooms ?? [] };
      if (redact.reason !== undefined) body["reason"] = redact.reason;
      if (redact.limit !== undefined) body["limit"] = redact.limit;
      if (redact.useAdmin !== undefined) body["use_admin"] = redact.useAdmin;
      if (redact.afterTs !== undefined) body["after_ts"] = redact.afterTs;
      if (redact.beforeTs !== undefined) body["before_ts"] = redact.beforeTs;
      const { redact_id } = await this.POST(
        path`/v1/user/${userId}/redact`,
        { body, schema: redactSchema },
        options,
      );
      return this.redactionJob(redact_id);
    }, options.signal);
  }

  /**
   * A handle on a redaction started earlier, to read its status or wait for it;
   * makes no request until its status is asked for.
   *
   * `GET /_synapse/admin/v1/user/redact_status/<redact_id>` (when polled)
   */
  redactionJob(redactId: string): LongRunningJob<RedactStatus> {
    return statusJob(
      redactId,
      `redaction ${redactId}`,
      (id, options) => this.redactStatus(id, options),
      (status) => JSON.stringify(status.failed_redactions),
    );
  }

  /**
   * The status of a redaction task (kept 24 hours, or until Synapse restarts).
   *
   * `GET /_synapse/admin/v1/user/redact_status/<redact_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#check-the-status-of-a-redaction-process
   */
  redactStatus(redactId: string, options: RequestOptions = {}): Promise<RedactStatus> {
    return this.GET(path`/v1/user/redact_status/${redactId}`, { schema: redactStatusSchema }, options);
  }
}
