import { object, string } from "valibot";
import { requireBuiltins } from "../builtins.ts";
import type { RequestOptions } from "../http-client.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** A user to register with the shared secret. */
export interface SharedSecretRegistration {
  /** `registration_shared_secret` from the homeserver configuration. */
  sharedSecret: string;
  /** The localpart of the new user. */
  username: string;
  password: string;
  admin?: boolean;
  displayname?: string;
  userType?: string;
}

/** What the server answers: the new user and an access token of theirs. */
export interface RegistrationResult {
  user_id: string;
  access_token: string;
  device_id: string;
  home_server: string;
}

const nonceSchema = responseSchema<{ nonce: string }>()(object({ nonce: string() }));
const resultSchema = responseSchema<RegistrationResult>()(
  object({ user_id: string(), access_token: string(), device_id: string(), home_server: string() }),
);

/**
 * The HMAC-SHA1 that proves knowledge of the shared secret: over the nonce,
 * username, password, `admin`/`notadmin` and the optional user type, NUL-separated.
 */
export function registrationMac(nonce: string, registration: SharedSecretRegistration): string {
  const parts = [
    nonce,
    registration.username,
    registration.password,
    registration.admin ? "admin" : "notadmin",
  ];
  if (registration.userType !== undefined) parts.push(registration.userType);
  // Loaded here rather than imported: node:crypto costs every client a few ms at startup.
  const { createHmac } = requireBuiltins("shared-secret registration")("node:crypto");
  return createHmac("sha1", registration.sharedSecret).update(parts.join("\0"), "utf8").digest("hex");
}

/**
 * Shared-Secret Registration (`register_api.md`): creates users, the first
 * admin included, with the homeserver's `registration_shared_secret` and no
 * access token.
 * @see https://element-hq.github.io/synapse/latest/admin_api/register_api.html
 */
export class RegisterResource extends Resource {
  /**
   * Fetches a one-time nonce, then registers the user with its HMAC.
   *
   * `GET /_synapse/admin/v1/register`, then `POST /_synapse/admin/v1/register`
   * @see https://element-hq.github.io/synapse/latest/admin_api/register_api.html
   */
  async register(
    registration: SharedSecretRegistration,
    options: RequestOptions = {},
  ): Promise<RegistrationResult> {
    const { nonce } = await this.GET("/v1/register", { accessToken: null, schema: nonceSchema }, options);
    const body: Record<string, unknown> = {
      nonce,
      username: registration.username,
      password: registration.password,
      admin: registration.admin ?? false,
      mac: registrationMac(nonce, registration),
    };
    if (registration.displayname !== undefined) body["displayname"] = registration.displayname;
    if (registration.userType !== undefined) body["user_type"] = registration.userType;
    return this.POST("/v1/register", { accessToken: null, body, schema: resultSchema }, options);
  }
}
