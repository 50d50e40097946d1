import { array, nullable, number, object, string } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** A registration token. */
export interface RegistrationToken {
  token: string;
  uses_allowed: number | null;
  pending: number;
  completed: number;
  expiry_time: number | null;
}

/** Fields of a new token; the server generates what is left out. */
export interface NewRegistrationToken {
  token?: string | undefined;
  /** The length of a generated token. */
  length?: number | undefined;
  /** How many registrations it allows; `null`: unlimited. */
  usesAllowed?: number | null | undefined;
  /** When it expires (epoch ms); `null`: never. */
  expiryTime?: number | null | undefined;
}

/** Changes of a token; only those given are changed. */
export interface RegistrationTokenChanges {
  /** How many registrations it allows; `null`: unlimited. */
  usesAllowed?: number | null | undefined;
  /** When it expires (epoch ms); `null`: never. */
  expiryTime?: number | null | undefined;
}

function tokenBody(token: NewRegistrationToken): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (token.token !== undefined) body["token"] = token.token;
  if (token.length !== undefined) body["length"] = token.length;
  if (token.usesAllowed !== undefined) body["uses_allowed"] = token.usesAllowed;
  if (token.expiryTime !== undefined) body["expiry_time"] = token.expiryTime;
  return body;
}

const tokenSchema = responseSchema<RegistrationToken>()(
  object({
    token: string(),
    uses_allowed: nullable(number()),
    pending: number(),
    completed: number(),
    expiry_time: nullable(number()),
  }),
);
const listSchema = responseSchema<{ registration_tokens: RegistrationToken[] }>()(
  object({ registration_tokens: array(tokenSchema) }),
);

/**
 * The Registration Tokens API (`usage-registration_tokens.md`).
 * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html
 */
export class RegistrationTokensResource extends PagedResource {
  /**
   * Every token, or only valid (`valid: true`) or invalid (`valid: false`) ones:
   * a list of one page (Synapse gives them all at once), awaited or iterated as every list.
   *
   * `GET /_synapse/admin/v1/registration_tokens`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#list-all-tokens
   */
  list(
    filter: { valid?: boolean | undefined } = {},
    options: RequestOptions = {},
  ): PagedList<{ registration_tokens: RegistrationToken[] }, RegistrationToken, never> {
    return this.pagedGet<{ registration_tokens: RegistrationToken[] }, RegistrationToken, never>(
      {
        path: "/v1/registration_tokens",
        query: () => ({ valid: filter.valid }),
        schema: listSchema,
        items: (page) => page.registration_tokens,
        nextCursor: () => undefined,
      },
      options,
    );
  }

  /**
   * One token.
   *
   * `GET /_synapse/admin/v1/registration_tokens/<token>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#get-one-token
   */
  get(token: string, options: RequestOptions = {}): Promise<RegistrationToken> {
    return this.GET(path`/v1/registration_tokens/${token}`, { schema: tokenSchema }, options);
  }

  /**
   * Creates a token.
   *
   * `POST /_synapse/admin/v1/registration_tokens/new`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#create-token
   */
  create(token: NewRegistrationToken = {}, options: RequestOptions = {}): Promise<RegistrationToken> {
    return this.POST("/v1/registration_tokens/new", { body: tokenBody(token), schema: tokenSchema }, options);
  }

  /**
   * Changes a token's allowed uses or expiry (`null`: unlimited, never).
   *
   * `PUT /_synapse/admin/v1/registration_tokens/<token>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#update-token
   */
  update(
    token: string,
    changes: RegistrationTokenChanges,
    options: RequestOptions = {},
  ): Promise<RegistrationToken> {
    const body = tokenBody(changes);
    return this.PUT(path`/v1/registration_tokens/${token}`, { body, schema: tokenSchema }, options);
  }

  /**
   * Deletes a token.
   *
   * `DELETE /_synapse/admin/v1/registration_tokens/<token>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/registration_tokens.html#delete-token
   */
  delete(token: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.DELETE(path`/v1/registration_tokens/${token}`, { schema: emptyAnswerSchema }, options);
  }
}
