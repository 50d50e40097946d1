import { array, boolean, exactOptional, number, object, record, string, unknown } from "valibot";
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
}
