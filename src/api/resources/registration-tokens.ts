import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { Resource } from "./resource.ts";

/** A registration token. */
export interface RegistrationToken {
  token: string;
  uses_allowed: number | null;
  pending: number;
  completed: number;
  expiry_time: number | null;
  [field: string]: unknown;
}

/** Fields of a new token; the server generates what is left out. */
export interface NewRegistrationToken {
  token?: string;
  length?: number;
  uses_allowed?: number | null;
  expiry_time?: number | null;
}

/**
 * The Registration Tokens API (`usage-registration_tokens.md`).
 * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html
 */
export class RegistrationTokensResource extends Resource {
  /**
   * Every token, or only valid (`true`) or invalid (`false`) ones.
   *
   * `GET /_synapse/admin/v1/registration_tokens`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#list-all-tokens
   */
  list(valid?: boolean, options: RequestOptions = {}): Promise<{ registration_tokens: RegistrationToken[] }> {
    return this.GET("/v1/registration_tokens", { query: { valid } }, options);
  }

  /**
   * One token.
   *
   * `GET /_synapse/admin/v1/registration_tokens/<token>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#get-one-token
   */
  get(token: string, options: RequestOptions = {}): Promise<RegistrationToken> {
    return this.GET(path`/v1/registration_tokens/${token}`, {}, options);
  }

  /**
   * Creates a token.
   *
   * `POST /_synapse/admin/v1/registration_tokens/new`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#create-token
   */
  create(token: NewRegistrationToken = {}, options: RequestOptions = {}): Promise<RegistrationToken> {
    return this.POST("/v1/registration_tokens/new", { body: token }, options);
  }

  /**
   * Changes a token's allowed uses or expiry (`null`: unlimited, never).
   *
   * `PUT /_synapse/admin/v1/registration_tokens/<token>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#update-token
   */
  update(
    token: string,
    changes: { uses_allowed?: number | null; expiry_time?: number | null },
    options: RequestOptions = {},
  ): Promise<RegistrationToken> {
    return this.PUT(path`/v1/registration_tokens/${token}`, { body: changes }, options);
  }

  /**
   * Deletes a token.
   *
   * `DELETE /_synapse/admin/v1/registration_tokens/<token>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#delete-token
   */
  delete(token: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.DELETE(path`/v1/registration_tokens/${token}`, {}, options);
  }
}
