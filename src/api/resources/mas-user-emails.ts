import { object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasAddUserEmailOptions, MasUserEmailFilter } from "./mas-options.ts";
import { MAS_BODY_FIELDS, MAS_FILTER_PARAMETERS, toWire } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasAddUserEmailOptions, MasUserEmailFilter } from "./mas-options.ts";

/** The attributes of a MAS resource object: `UserEmail` of MAS's OpenAPI description. */
export interface MasUserEmail {
  created_at: string;
  email: string;
  user_id: string;
}

// `UserEmail` of MAS's OpenAPI description: optional where it does not require a field.
const masUserEmailSchema = responseSchema<MasUserEmail>()(
  object({
    created_at: string(),
    email: string(),
    user_id: string(),
  }),
);

/** The options of {@link MasUserEmailsResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasUserEmailListParams = MasUserEmailFilter & MasPaging;

/** The MAS admin API: users' email addresses; the operations tagged `user-email` in its OpenAPI description. */
export class MasUserEmailsResource extends MasResource {
  /**
   * Users' email addresses. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/user-emails`
   */
  list(params: MasUserEmailListParams = {}, options: RequestOptions = {}): MasPagedList<MasUserEmail> {
    return this.masList<MasUserEmail, MasUserEmailFilter>(
      "/user-emails",
      masUserEmailSchema,
      params,
      MAS_FILTER_PARAMETERS.listUserEmails,
      options,
    );
  }

  /**
   * Adds an email address to a user, without verification.
   *
   * `POST /api/admin/v1/user-emails`
   */
  async add(email: MasAddUserEmailOptions, options: RequestOptions = {}): Promise<MasSingle<MasUserEmail>> {
    const body = toWire("email", email, MAS_BODY_FIELDS.addUserEmail);
    return this.POST<MasSingle<MasUserEmail>>(
      "/user-emails",
      { body, schema: this.masSingle(masUserEmailSchema) },
      options,
    );
  }

  /**
   * Removes an email address.
   *
   * `DELETE /api/admin/v1/user-emails/<id>`
   */
  delete(id: string, options: RequestOptions = {}): Promise<void> {
    return this.DELETE<void>(path`/user-emails/${id}`, { schema: this.masNoContent }, options);
  }

  /**
   * An email address by ID.
   *
   * `GET /api/admin/v1/user-emails/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUserEmail>> {
    return this.GET<MasSingle<MasUserEmail>>(
      path`/user-emails/${id}`,
      { schema: this.masSingle(masUserEmailSchema) },
      options,
    );
  }
}
