import { boolean, exactOptional, nullable, number, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type {
  MasAddUserRegistrationTokenOptions,
  MasEditUserRegistrationTokenOptions,
  MasUserRegistrationTokenFilter,
} from "./mas-options.ts";
import { MAS_BODY_FIELDS, MAS_FILTER_PARAMETERS, toWire } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type {
  MasAddUserRegistrationTokenOptions,
  MasEditUserRegistrationTokenOptions,
  MasUserRegistrationTokenFilter,
} from "./mas-options.ts";

/** The attributes of a MAS resource object: `UserRegistrationToken` of MAS's OpenAPI description. */
export interface MasUserRegistrationToken {
  created_at: string;
  expires_at?: string | null;
  last_used_at?: string | null;
  revoked_at?: string | null;
  times_used: number;
  token: string;
  usage_limit?: number | null;
  valid: boolean;
}

// `UserRegistrationToken` of MAS's OpenAPI description: optional where it does not require a field.
const masUserRegistrationTokenSchema = responseSchema<MasUserRegistrationToken>()(
  object({
    created_at: string(),
    expires_at: exactOptional(nullable(string())),
    last_used_at: exactOptional(nullable(string())),
    revoked_at: exactOptional(nullable(string())),
    times_used: number(),
    token: string(),
    usage_limit: exactOptional(nullable(number())),
    valid: boolean(),
  }),
);

/** The options of {@link MasRegistrationTokensResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasUserRegistrationTokenListParams = MasUserRegistrationTokenFilter & MasPaging;

/** The MAS admin API: user registration tokens; the operations tagged `user-registration-token` in its OpenAPI description. */
export class MasRegistrationTokensResource extends MasResource {
  /**
   * User registration tokens. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/user-registration-tokens`
   */
  list(
    params: MasUserRegistrationTokenListParams = {},
    options: RequestOptions = {},
  ): MasPagedList<MasUserRegistrationToken> {
    return this.masList<MasUserRegistrationToken, MasUserRegistrationTokenFilter>(
      "/user-registration-tokens",
      masUserRegistrationTokenSchema,
      params,
      MAS_FILTER_PARAMETERS.listUserRegistrationTokens,
      options,
    );
  }

  /**
   * Creates a registration token (random unless `token` is given).
   *
   * `POST /api/admin/v1/user-registration-tokens`
   */
  async add(
    token: MasAddUserRegistrationTokenOptions = {},
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUserRegistrationToken>> {
    const body = toWire("token", token, MAS_BODY_FIELDS.addUserRegistrationToken);
    return this.POST<MasSingle<MasUserRegistrationToken>>(
      "/user-registration-tokens",
      { body, schema: this.masSingle(masUserRegistrationTokenSchema) },
      options,
    );
  }

  /**
   * A registration token by ID.
   *
   * `GET /api/admin/v1/user-registration-tokens/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUserRegistrationToken>> {
    return this.GET<MasSingle<MasUserRegistrationToken>>(
      path`/user-registration-tokens/${id}`,
      { schema: this.masSingle(masUserRegistrationTokenSchema) },
      options,
    );
  }

  /**
   * Changes a registration token's expiry or usage limit (`null` removes it).
   *
   * `PUT /api/admin/v1/user-registration-tokens/<id>`
   */
  async update(
    id: string,
    changes: MasEditUserRegistrationTokenOptions,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUserRegistrationToken>> {
    const body = toWire("changes", changes, MAS_BODY_FIELDS.updateUserRegistrationToken);
    return this.PUT<MasSingle<MasUserRegistrationToken>>(
      path`/user-registration-tokens/${id}`,
      { body, schema: this.masSingle(masUserRegistrationTokenSchema) },
      options,
    );
  }

  /**
   * Revokes a registration token.
   *
   * `POST /api/admin/v1/user-registration-tokens/<id>/revoke`
   */
  revoke(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUserRegistrationToken>> {
    return this.POST<MasSingle<MasUserRegistrationToken>>(
      path`/user-registration-tokens/${id}/revoke`,
      { schema: this.masSingle(masUserRegistrationTokenSchema) },
      options,
    );
  }

  /**
   * Makes a revoked registration token usable again.
   *
   * `POST /api/admin/v1/user-registration-tokens/<id>/unrevoke`
   */
  unrevoke(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUserRegistrationToken>> {
    return this.POST<MasSingle<MasUserRegistrationToken>>(
      path`/user-registration-tokens/${id}/unrevoke`,
      { schema: this.masSingle(masUserRegistrationTokenSchema) },
      options,
    );
  }
}
