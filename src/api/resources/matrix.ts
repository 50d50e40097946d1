import { array, boolean, exactOptional, number, object, record, string, unknown } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import { checkRoomId, type RoomId } from "../ids.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** The answer to a password login. */
export interface LoginResponse {
  user_id: string;
  access_token: string;
  device_id: string;
  /** Deprecated by the spec; Synapse still sends it. */
  home_server?: string;
  /** With refresh tokens: when the access token expires. */
  expires_in_ms?: number;
  refresh_token?: string;
  well_known?: Record<string, unknown>;
}

/** Who a token belongs to. */
export interface WhoAmI {
  user_id: string;
  /** Absent for tokens without a device (an appservice's, an admin API login). */
  device_id?: string;
  /** Optional in the spec (absent: not a guest); Synapse sends it. */
  is_guest?: boolean;
}

/** A server's signing keys, as its federation API publishes them. */
export interface ServerKeys {
  server_name: string;
  valid_until_ts: number;
  /** By key ID (`ed25519:abc`), the unpadded base64 public key. */
  verify_keys: Record<string, { key: string }>;
  /** Optional in the spec; Synapse sends it. */
  old_verify_keys?: Record<string, { key: string; expired_ts: number }>;
  /** By server, then key ID. */
  signatures: Record<string, Record<string, string>>;
}

/** An event of the stripped state a server gives with an invite (the invite itself among them). */
export interface StrippedStateEvent {
  type: string;
  state_key: string;
  sender: string;
  content: Record<string, unknown>;
}

/** A user's pending invites as its own `/sync` shows them: by room ID, the invite's stripped state. */
export interface SyncInvites {
  rooms?: { invite?: Record<string, { invite_state: { events: StrippedStateEvent[] } }> };
}

/** The device name synadm gives the sessions `matrix login` creates, so they are easy to spot. */
export const LOGIN_DEVICE_NAME = "synadm matrix login command";

const loginSchema = responseSchema<LoginResponse>()(
  object({
    user_id: string(),
    access_token: string(),
    device_id: string(),
    home_server: exactOptional(string()),
    expires_in_ms: exactOptional(number()),
    refresh_token: exactOptional(string()),
    well_known: exactOptional(record(string(), unknown())),
  }),
);
const whoAmISchema = responseSchema<WhoAmI>()(
  object({ user_id: string(), device_id: exactOptional(string()), is_guest: exactOptional(boolean()) }),
);
const syncInvitesSchema = responseSchema<SyncInvites>()(
  object({
    rooms: exactOptional(
      object({
        invite: exactOptional(
          record(
            string(),
            object({
              invite_state: object({
                events: array(
                  object({
                    type: string(),
                    state_key: string(),
                    sender: string(),
                    content: record(string(), unknown()),
                  }),
                ),
              }),
            }),
          ),
        ),
      }),
    ),
  }),
);
const aliasesSchema = responseSchema<{ aliases: string[] }>()(object({ aliases: array(string()) }));
const serverKeysSchema = responseSchema<ServerKeys>()(
  object({
    server_name: string(),
    valid_until_ts: number(),
    verify_keys: record(string(), object({ key: string() })),
    old_verify_keys: exactOptional(record(string(), object({ key: string(), expired_ts: number() }))),
    signatures: record(string(), record(string(), string())),
  }),
);

/** The few Matrix client-server and federation calls an admin tool needs. */
export class MatrixResource extends Resource {
  /**
   * Logs a user in with a password and returns a new access token (a new device,
   * named `deviceName`, by default synadm's).
   *
   * `POST /_matrix/client/v3/login`
   * @see https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3login
   */
  login(
    credentials: { user: string; password: string; deviceName?: string | undefined },
    options: RequestOptions = {},
  ): Promise<LoginResponse> {
    return this.POST(
      "/client/v3/login",
      {
        prefix: "matrix",
        accessToken: null,
        body: {
          type: "m.login.password",
          identifier: { type: "m.id.user", user: credentials.user },
          password: credentials.password,
          initial_device_display_name: credentials.deviceName ?? LOGIN_DEVICE_NAME,
        },
        schema: loginSchema,
      },
      options,
    );
  }

  /**
   * The user (and device) the configured token belongs to.
   *
   * `GET /_matrix/client/v3/account/whoami`
   * @see https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3accountwhoami
   */
  whoAmI(options: RequestOptions = {}): Promise<WhoAmI> {
    return this.GET("/client/v3/account/whoami", { prefix: "matrix", schema: whoAmISchema }, options);
  }

  /**
   * The aliases of a room (client API); used to show rooms by name.
   *
   * `GET /_matrix/client/v3/rooms/{roomId}/aliases`
   */
  async roomAliases(roomId: RoomId, options: RequestOptions = {}): Promise<{ aliases: string[] }> {
    checkRoomId(roomId);
    return this.GET(
      path`/client/v3/rooms/${roomId}/aliases`,
      { prefix: "matrix", schema: aliasesSchema },
      options,
    );
  }

  /**
   * The server's published signing keys, whose `server_name` names the homeserver.
   * Sent without the admin token: the federation API needs none.
   *
   * `GET /_matrix/key/v2/server`
   */
  serverKeys(options: RequestOptions = {}): Promise<ServerKeys> {
    return this.GET(
      "/key/v2/server",
      { prefix: "matrix", accessToken: null, schema: serverKeysSchema },
      options,
    );
  }

  /**
   * The pending invites of the owner of `accessToken` (e.g. a login-as token),
   * with the stripped state of each room: the only place Synapse shows an
   * invite from another server to a room this server is not in. A /sync that
   * asks for nothing else, leaves presence as it is, and is never answered
   * from Synapse's cache of recent identical /syncs (which could show an
   * invite already rejected).
   *
   * `GET /_matrix/client/v3/sync`
   * @see https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync
   */
  pendingInvites(accessToken: string, options: RequestOptions = {}): Promise<SyncInvites> {
    const nothing = { types: [] };
    // A type no event has, new each time: the filter, and with it the cache key, is new.
    const fresh = `synadm.fresh.${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
    const filter = {
      room: { timeline: { limit: 0 }, state: nothing, ephemeral: nothing, account_data: nothing },
      presence: nothing,
      account_data: { types: [], not_types: [fresh] },
    };
    return this.GET(
      "/client/v3/sync",
      {
        prefix: "matrix",
        accessToken,
        query: { timeout: 0, set_presence: "offline", filter: JSON.stringify(filter) },
        schema: syncInvitesSchema,
      },
      options,
    );
  }

  /**
   * Leaves a room, or rejects an invite to it, as the owner of `accessToken`.
   * For an invite from another server to a room this server is not in, the
   * server sends the rejection to the inviting server (or, if that cannot be
   * reached, rejects it locally).
   *
   * `POST /_matrix/client/v3/rooms/{roomId}/leave`
   * @see https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidleave
   */
  leaveRoom(
    roomId: string,
    accessToken: string,
    reason?: string,
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    return this.POST(
      path`/client/v3/rooms/${roomId}/leave`,
      {
        prefix: "matrix",
        accessToken,
        body: reason === undefined ? {} : { reason },
        schema: emptyAnswerSchema,
      },
      options,
    );
  }

  /**
   * Logs out the session of `accessToken` (the token stops working).
   *
   * `POST /_matrix/client/v3/logout`
   * @see https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3logout
   */
  logout(accessToken: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.POST(
      "/client/v3/logout",
      { prefix: "matrix", accessToken, body: {}, schema: emptyAnswerSchema },
      options,
    );
  }
}
