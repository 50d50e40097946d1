import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

/** The body of a request: `AddUpstreamOauthLinkRequest` of MAS's OpenAPI description. */
export interface MasAddUpstreamOauthLinkRequest {
  human_account_name?: string | null;
  provider_id: string;
  subject: string;
  user_id: string;
}

/** The attributes of a MAS resource object: `UpstreamOAuthLink` of MAS's OpenAPI description. */
export interface MasUpstreamOAuthLink {
  created_at: string;
  human_account_name?: string | null;
  provider_id: string;
  subject: string;
  user_id?: string | null;
}

// `UpstreamOAuthLink` of MAS's OpenAPI description: optional where it does not require a field.
const masUpstreamOAuthLinkSchema = responseSchema<MasUpstreamOAuthLink>()(
  object({
    created_at: string(),
    human_account_name: exactOptional(nullable(string())),
    provider_id: string(),
    subject: string(),
    user_id: exactOptional(nullable(string())),
  }),
);

/** The filters of {@link MasUpstreamOAuthLinksResource.list}. */
export interface MasUpstreamOAuthLinkFilter {
  /** `filter[user]` */
  user?: string;
  /** `filter[provider]` */
  provider?: string;
  /** `filter[subject]` */
  subject?: string;
  /** `filter[human-account-name]` */
  humanAccountName?: string;
}

/** The MAS admin API: links between users and upstream identity providers; the operations tagged `upstream-oauth-link` in its OpenAPI description. */
export class MasUpstreamOAuthLinksResource extends MasResource {
  /**
   * Links between users and accounts at upstream identity providers. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/upstream-oauth-links`
   */
  list(
    filters: MasUpstreamOAuthLinkFilter = {},
    paging: MasPaging = {},
    options: RequestOptions = {},
  ): MasPagedList<MasUpstreamOAuthLink> {
    return this.masList<MasUpstreamOAuthLink>(
      "/upstream-oauth-links",
      masUpstreamOAuthLinkSchema,
      paging,
      {
        "filter[user]": filters.user,
        "filter[provider]": filters.provider,
        "filter[subject]": filters.subject,
        "filter[human-account-name]": filters.humanAccountName,
      },
      options,
    );
  }

  /**
   * Links a user to an account at an upstream identity provider.
   *
   * `POST /api/admin/v1/upstream-oauth-links`
   */
  add(
    request: MasAddUpstreamOauthLinkRequest,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUpstreamOAuthLink>> {
    return this.POST<MasSingle<MasUpstreamOAuthLink>>(
      "/upstream-oauth-links",
      { body: request, schema: this.masSingle(masUpstreamOAuthLinkSchema) },
      options,
    );
  }

  /**
   * Removes a link to an upstream identity provider.
   *
   * `DELETE /api/admin/v1/upstream-oauth-links/<id>`
   */
  delete(id: string, options: RequestOptions = {}): Promise<void> {
    return this.DELETE<void>(path`/upstream-oauth-links/${id}`, { schema: this.masNoContent }, options);
  }

  /**
   * A link to an upstream identity provider by ID.
   *
   * `GET /api/admin/v1/upstream-oauth-links/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUpstreamOAuthLink>> {
    return this.GET<MasSingle<MasUpstreamOAuthLink>>(
      path`/upstream-oauth-links/${id}`,
      { schema: this.masSingle(masUpstreamOAuthLinkSchema) },
      options,
    );
  }
}
