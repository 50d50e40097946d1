import { looseObject, optional, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { Resource } from "./resource.ts";

/** The answer to a password login. */
export interface LoginResponse {
  user_id: string;
  access_token: string;
  device_id: string;
  [field: string]: unknown;
}

/** Who a token belongs to. */
export interface WhoAmI {
  user_id: string;
  device_id?: string | undefined;
  [field: string]: unknown;
}

/** The device name synadm gives the sessions `matrix login` creates, so they are easy to spot. */
export const LOGIN_DEVICE_NAME = "synadm matrix login command";

const loginSchema = looseObject({ user_id: string(), access_token: string(), device_id: string() });
const whoAmISchema = looseObject({ user_id: string(), device_id: optional(string()) });
const serverKeysSchema = looseObject({ server_name: string() });

/** The few Matrix client-server and federation calls an admin tool needs. */
export class MatrixResource extends Resource {
  /**
   * Logs a user in with a password and returns a new access token (a new device).
   *
   * `POST /_matrix/client/v3/login`
   * @see https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3login
   */
  login(
    user: string,
    password: string,
    deviceName: string = LOGIN_DEVICE_NAME,
    options: RequestOptions = {},
  ): Promise<LoginResponse> {
    return this.POST(
      "/client/v3/login",
      {
        prefix: "matrix",
        accessToken: null,
        body: {
          type: "m.login.password",
          identifier: { type: "m.id.user", user },
          password,
          initial_device_display_name: deviceName,
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
  roomAliases(roomId: string, options: RequestOptions = {}): Promise<{ aliases: string[] }> {
    return this.GET(path`/client/v3/rooms/${roomId}/aliases`, { prefix: "matrix" }, options);
  }

  /**
   * The server's published signing keys, whose `server_name` names the homeserver.
   * Sent without the admin token: the federation API needs none.
   *
   * `GET /_matrix/key/v2/server`
   */
  serverKeys(options: RequestOptions = {}): Promise<{ server_name: string }> {
    return this.GET(
      "/key/v2/server",
      { prefix: "matrix", accessToken: null, schema: serverKeysSchema },
      options,
    );
  }
}
