import { object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

/** The body of a request: `AddUserEmailRequest` of MAS's OpenAPI description. */
export interface MasAddUserEmailRequest {
  email: string;
  user_id: string;
}

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

/** The filters of {@link MasUserEmailsResource.list}. */
export interface MasUserEmailFilter {
  /** `filter[user]` */
  user?: string;
  /** `filter[email]` */
  email?: string;
}

/** The MAS admin API: users' email addresses; the operations tagged `user-email` in its OpenAPI description. */
export class MasUserEmailsResource extends MasResource {
  /**
   * Users' email addresses. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/user-emails`
   */
  list(
    filters: MasUserEmailFilter = {},
    paging: MasPaging = {},
    options: RequestOptions = {},
  ): MasPagedList<MasUserEmail> {
    return this.masList<MasUserEmail>(
      "/user-emails",
      masUserEmailSchema,
      paging,
      {
        "filter[user]": filters.user,
        "filter[email]": filters.email,
      },
      options,
    );
  }

  /**
   * Adds an email address to a user, without verification.
   *
   * `POST /api/admin/v1/user-emails`
   */
  add(request: MasAddUserEmailRequest, options: RequestOptions = {}): Promise<MasSingle<MasUserEmail>> {
    return this.POST<MasSingle<MasUserEmail>>(
      "/user-emails",
      { body: request, schema: this.masSingle(masUserEmailSchema) },
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
