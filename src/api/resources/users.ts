import { array, looseObject, number, optional, string, union } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { jobOutcome, LongRunningJob } from "../jobs.ts";
import type { MediaOrder, UserOrder } from "../orders.ts";
import { checkPageLimit, type PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { PagedResource } from "./resource.ts";

/** A user as the list endpoints return it. */
export interface UserSummary {
  name: string;
  is_guest: boolean;
  admin: boolean;
  user_type: string | null;
  deactivated: boolean;
  erased?: boolean;
  shadow_banned: boolean;
  displayname: string | null;
  avatar_url: string | null;
  creation_ts: number;
  last_seen_ts?: number | null;
  locked?: boolean;
  [field: string]: unknown;
}

/** A user account in full (Query User Account). */
export interface UserDetails extends UserSummary {
  threepids: Array<{ medium: string; address: string; [field: string]: unknown }>;
  external_ids: Array<{ auth_provider: string; external_id: string }>;
}

/** One page of the user list. */
export interface UserListPage {
  users: UserSummary[];
  /** Where the next page starts; absent on the last page. */
  next_token?: string | number;
  total: number;
  [field: string]: unknown;
}

/** Filters and order of the user list (v2; v3 differs only in `deactivated`). */
export interface UserListParams {
  /** Users whose ID contains this (ignored when `name` is given). */
  userId?: string;
  /** Users whose localpart or display name contains this. */
  name?: string;
  /** `false` excludes guests; not supported with Matrix Authentication Service. */
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
  [field: string]: unknown;
}

/** A device of a user. */
export interface Device {
  device_id: string;
  display_name: string | null;
  last_seen_ip: string | null;
  last_seen_ts: number | null;
  last_seen_user_agent?: string | null;
  user_id?: string;
  [field: string]: unknown;
}

/** A page of a user's media. */
export interface UserMediaPage {
  media: Array<Record<string, unknown>>;
  next_token?: number;
  total: number;
  [field: string]: unknown;
}

/** Options of {@link UsersResource.redact}. */
export interface RedactOptions {
  /** Rooms to redact in; empty or absent: every room the user is in. */
  rooms?: readonly string[];
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
  status: "scheduled" | "active" | "complete" | "failed" | string;
  failed_redactions: Record<string, string> | unknown[];
  [field: string]: unknown;
}

const userListSchema = looseObject({
  users: array(looseObject({ name: string() })),
  next_token: optional(union([string(), number()])),
  total: number(),
});
const userSchema = looseObject({ name: string() });
const devicesSchema = looseObject({ devices: array(looseObject({ device_id: string() })), total: number() });
const mediaSchema = looseObject({ media: array(looseObject({ media_id: string() })), total: number() });
const redactSchema = looseObject({ redact_id: string() });
const redactStatusSchema = looseObject({ status: string() });
const joinedRoomsSchema = looseObject({ joined_rooms: array(string()), total: number() });

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
  /**
   * A user account in full.
   *
   * `GET /_synapse/admin/v2/users/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#query-user-account
   */
  get(userId: string, options: RequestOptions = {}): Promise<UserDetails> {
    return this.GET<UserDetails>(path`/v2/users/${userId}`, { schema: userSchema }, options);
  }

  /**
   * Creates a local user, or changes the fields given of an existing one.
   * Answers the account as it is afterwards.
   *
   * `PUT /_synapse/admin/v2/users/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#create-or-modify-account
   */
  createOrModify(userId: string, update: UserUpdate, options: RequestOptions = {}): Promise<UserDetails> {
    return this.PUT(path`/v2/users/${userId}`, { body: update }, options);
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
    return this.GET<UserListPage>(path, { query: listQuery(params), schema: userListSchema }, options);
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
  whois(userId: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.GET(path`/v1/whois/${userId}`, {}, options);
  }

  /**
   * Deactivates an account (logs it out, removes it from rooms and its 3PIDs);
   * `erase` also marks it GDPR-erased.
   *
   * `POST /_synapse/admin/v1/deactivate/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#deactivate-account
   */
  deactivate(
    userId: string,
    erase = false,
    options: RequestOptions = {},
  ): Promise<{ id_server_unbind_result: string }> {
    return this.POST(path`/v1/deactivate/${userId}`, { body: { erase } }, options);
  }

  /**
   * Suspends (freezes) or unsuspends an account.
   *
   * `PUT /_synapse/admin/v1/suspend/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#suspendunsuspend-account
   */
  setSuspended(
    userId: string,
    suspend: boolean,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.PUT(path`/v1/suspend/${userId}`, { body: { suspend } }, options);
  }

  /**
   * Sets a new password; the user is logged out everywhere unless `logoutDevices` is false.
   *
   * `POST /_synapse/admin/v1/reset_password/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#reset-password
   */
  resetPassword(
    userId: string,
    newPassword: string,
    logoutDevices = true,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.POST(
      path`/v1/reset_password/${userId}`,
      { body: { new_password: newPassword, logout_devices: logoutDevices } },
      options,
    );
  }

  /**
   * Whether the user is a server admin.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/admin`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-whether-a-user-is-a-server-administrator-or-not
   */
  isAdmin(userId: string, options: RequestOptions = {}): Promise<{ admin: boolean }> {
    return this.GET(path`/v1/users/${userId}/admin`, {}, options);
  }

  /**
   * Makes the user a server admin, or not.
   *
   * `PUT /_synapse/admin/v1/users/<user_id>/admin`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#change-whether-a-user-is-a-server-administrator-or-not
   */
  setAdmin(userId: string, admin: boolean, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.PUT(path`/v1/users/${userId}/admin`, { body: { admin } }, options);
  }

  /**
   * The user's membership in every room it has one in (join, invite, leave, ban...).
   *
   * `GET /_synapse/admin/v1/users/<user_id>/memberships`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-room-memberships-of-a-user
   */
  memberships(
    userId: string,
    options: RequestOptions = {},
  ): Promise<{ memberships: Record<string, string> }> {
    return this.GET(path`/v1/users/${userId}/memberships`, {}, options);
  }

  /**
   * The rooms the user has joined.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/joined_rooms`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-joined-rooms-of-a-user
   */
  joinedRooms(
    userId: string,
    options: RequestOptions = {},
  ): Promise<{ joined_rooms: string[]; total: number }> {
    return this.GET(path`/v1/users/${userId}/joined_rooms`, { schema: joinedRoomsSchema }, options);
  }

  /**
   * How many invites the user sent since a time.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/sent_invite_count`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-the-number-of-invites-sent-by-the-user
   */
  sentInviteCount(
    userId: string,
    fromTs: number,
    options: RequestOptions = {},
  ): Promise<{ invite_count: number }> {
    return this.GET(path`/v1/users/${userId}/sent_invite_count`, { query: { from_ts: fromTs } }, options);
  }

  /**
   * How many rooms the user joined since a time.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/cumulative_joined_room_count`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-the-cumulative-number-of-rooms-a-user-has-joined-after-a-given-timestamp
   */
  cumulativeJoinedRoomCount(
    userId: string,
    fromTs: number,
    options: RequestOptions = {},
  ): Promise<{ cumulative_joined_room_count: number }> {
    return this.GET(
      path`/v1/users/${userId}/cumulative_joined_room_count`,
      { query: { from_ts: fromTs } },
      options,
    );
  }

  /**
   * The user's global and per-room account data.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/accountdata`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#account-data
   */
  accountData(
    userId: string,
    options: RequestOptions = {},
  ): Promise<{ account_data: Record<string, unknown> }> {
    return this.GET(path`/v1/users/${userId}/accountdata`, {}, options);
  }

  /**
   * One page of the media the user uploaded.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-media-uploaded-by-a-user
   */
  mediaPage(
    userId: string,
    params: { from?: number; limit?: number; orderBy?: MediaOrder; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): Promise<UserMediaPage> {
    const query = { from: params.from, limit: params.limit, order_by: params.orderBy, dir: params.dir };
    return this.GET<UserMediaPage>(path`/v1/users/${userId}/media`, { query, schema: mediaSchema }, options);
  }

  /**
   * The media the user uploaded: `await` gives the page at `from`, iterating
   * every piece from there (following `next_token`).
   *
   * `GET /_synapse/admin/v1/users/<user_id>/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-media-uploaded-by-a-user
   */
  media(
    userId: string,
    params: { from?: number; limit?: number; orderBy?: MediaOrder; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): PagedList<UserMediaPage, Record<string, unknown>, number> {
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
  deleteMedia(
    userId: string,
    params: { from?: number; limit?: number; orderBy?: MediaOrder; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): Promise<{ deleted_media: string[]; total: number }> {
    const query = { from: params.from, limit: params.limit, order_by: params.orderBy, dir: params.dir };
    return this.DELETE(path`/v1/users/${userId}/media`, { query }, options);
  }

  /**
   * An access token of the user, without a new device; expires at `validUntilMs` if given.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/login`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#login-as-a-user
   */
  loginAs(
    userId: string,
    validUntilMs?: number,
    options: RequestOptions = {},
  ): Promise<{ access_token: string }> {
    return this.POST(
      path`/v1/users/${userId}/login`,
      { body: validUntilMs === undefined ? {} : { valid_until_ms: validUntilMs } },
      options,
    );
  }

  /**
   * Lets the user replace their master cross-signing key without interactive auth for 10 minutes.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/_allow_cross_signing_replacement_without_uia`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#allow-replacing-master-cross-signing-key-without-user-interactive-auth
   */
  allowCrossSigningReplacement(
    userId: string,
    options: RequestOptions = {},
  ): Promise<{ updatable_without_uia_before_ms: number }> {
    return this.POST(
      path`/v1/users/${userId}/_allow_cross_signing_replacement_without_uia`,
      { body: {} },
      options,
    );
  }

  /**
   * Every device of the user.
   *
   * `GET /_synapse/admin/v2/users/<user_id>/devices`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-all-devices
   */
  devices(userId: string, options: RequestOptions = {}): Promise<{ devices: Device[]; total: number }> {
    return this.GET<{ devices: Device[]; total: number }>(
      path`/v2/users/${userId}/devices`,
      { schema: devicesSchema },
      options,
    );
  }

  /**
   * Creates a device for the user.
   *
   * `POST /_synapse/admin/v2/users/<user_id>/devices`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#create-a-device
   */
  createDevice(
    userId: string,
    deviceId: string,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.POST(path`/v2/users/${userId}/devices`, { body: { device_id: deviceId } }, options);
  }

  /**
   * One device of the user.
   *
   * `GET /_synapse/admin/v2/users/<user_id>/devices/<device_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#show-a-device
   */
  device(userId: string, deviceId: string, options: RequestOptions = {}): Promise<Device> {
    return this.GET(path`/v2/users/${userId}/devices/${deviceId}`, {}, options);
  }

  /**
   * Renames a device.
   *
   * `PUT /_synapse/admin/v2/users/<user_id>/devices/<device_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#update-a-device
   */
  renameDevice(
    userId: string,
    deviceId: string,
    displayName: string,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.PUT(
      path`/v2/users/${userId}/devices/${deviceId}`,
      { body: { display_name: displayName } },
      options,
    );
  }

  /**
   * Deletes a device and its access token.
   *
   * `DELETE /_synapse/admin/v2/users/<user_id>/devices/<device_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-a-device
   */
  deleteDevice(
    userId: string,
    deviceId: string,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.DELETE(path`/v2/users/${userId}/devices/${deviceId}`, {}, options);
  }

  /**
   * Deletes several devices and their access tokens.
   *
   * `POST /_synapse/admin/v2/users/<user_id>/delete_devices`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-multiple-devices
   */
  deleteDevices(
    userId: string,
    deviceIds: readonly string[],
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.POST(path`/v2/users/${userId}/delete_devices`, { body: { devices: deviceIds } }, options);
  }

  /**
   * The user's pushers.
   *
   * `GET /_synapse/admin/v1/users/<user_id>/pushers`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#list-all-pushers
   */
  pushers(
    userId: string,
    options: RequestOptions = {},
  ): Promise<{ pushers: Array<Record<string, unknown>>; total: number }> {
    return this.GET(path`/v1/users/${userId}/pushers`, {}, options);
  }

  /**
   * Shadow-bans the user: their messages silently go nowhere.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/shadow_ban`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#controlling-whether-a-user-is-shadow-banned
   */
  shadowBan(userId: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.POST(path`/v1/users/${userId}/shadow_ban`, { body: {} }, options);
  }

  /**
   * Lifts a shadow-ban.
   *
   * `DELETE /_synapse/admin/v1/users/<user_id>/shadow_ban`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#controlling-whether-a-user-is-shadow-banned
   */
  unshadowBan(userId: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.DELETE(path`/v1/users/${userId}/shadow_ban`, {}, options);
  }

  /**
   * The user's rate-limit override (`{}` when there is none).
   *
   * `GET /_synapse/admin/v1/users/<user_id>/override_ratelimit`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#get-status-of-ratelimit
   */
  rateLimit(
    userId: string,
    options: RequestOptions = {},
  ): Promise<{ messages_per_second?: number; burst_count?: number }> {
    return this.GET(path`/v1/users/${userId}/override_ratelimit`, {}, options);
  }

  /**
   * Overrides the user's rate limit; zeros disable limiting.
   *
   * `POST /_synapse/admin/v1/users/<user_id>/override_ratelimit`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#set-ratelimit
   */
  setRateLimit(
    userId: string,
    limit: { messages_per_second?: number; burst_count?: number },
    options: RequestOptions = {},
  ): Promise<{ messages_per_second: number; burst_count: number }> {
    return this.POST(path`/v1/users/${userId}/override_ratelimit`, { body: limit }, options);
  }

  /**
   * Removes the user's rate-limit override.
   *
   * `DELETE /_synapse/admin/v1/users/<user_id>/override_ratelimit`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#delete-ratelimit
   */
  deleteRateLimit(userId: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.DELETE(path`/v1/users/${userId}/override_ratelimit`, {}, options);
  }

  /**
   * Whether a localpart is free to register (a taken or invalid one is an error).
   *
   * `GET /_synapse/admin/v1/username_available?username=<localpart>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#check-username-availability
   */
  usernameAvailable(localpart: string, options: RequestOptions = {}): Promise<{ available: boolean }> {
    return this.GET("/v1/username_available", { query: { username: localpart } }, options);
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
    return this.GET(path`/v1/auth_providers/${provider}/users/${externalId}`, {}, options);
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
    return this.GET(path`/v1/threepid/${medium}/users/${address}`, {}, options);
  }

  /**
   * Starts redacting the user's events; the job can be followed to its end.
   *
   * `POST /_synapse/admin/v1/user/<user_id>/redact`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#redact-events-of-a-user
   */
  async redact(
    userId: string,
    redact: RedactOptions = {},
    options: RequestOptions = {},
  ): Promise<LongRunningJob<RedactStatus>> {
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
  }

  /**
   * A handle on a redaction started earlier, to read its status or wait for it;
   * makes no request until its status is asked for.
   *
   * `GET /_synapse/admin/v1/user/redact_status/<redact_id>` (when polled)
   */
  redactionJob(redactId: string): LongRunningJob<RedactStatus> {
    return new LongRunningJob<RedactStatus>(redactId, {
      description: `redaction ${redactId}`,
      fetchStatus: (signal) => this.redactStatus(redactId, signal ? { signal } : {}),
      outcome: jobOutcome,
      failureReason: (status) => JSON.stringify(status.failed_redactions),
    });
  }

  /**
   * The status of a redaction task (kept 24 hours, or until Synapse restarts).
   *
   * `GET /_synapse/admin/v1/user/redact_status/<redact_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#check-the-status-of-a-redaction-process
   */
  redactStatus(redactId: string, options: RequestOptions = {}): Promise<RedactStatus> {
    return this.GET<RedactStatus>(
      path`/v1/user/redact_status/${redactId}`,
      { schema: redactStatusSchema },
      options,
    );
  }
}
