import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasAddUpstreamOauthLinkOptions, MasUpstreamOAuthLinkFilter } from "./mas-options.ts";
import { MAS_BODY_FIELDS, MAS_FILTER_PARAMETERS, toWire } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasAddUpstreamOauthLinkOptions, MasUpstreamOAuthLinkFilter } from "./mas-options.ts";

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

/** The options of {@link MasUpstreamOAuthLinksResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasUpstreamOAuthLinkListParams = MasUpstreamOAuthLinkFilter & MasPaging;

/** The MAS admin API: links between users and upstream identity providers; the operations tagged `upstream-oauth-link` in its OpenAPI description. */
export class MasUpstreamOAuthLinksResource extends MasResource {
  /**
   * Links between users and accounts at upstream identity providers. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/upstream-oauth-links`
   */
  list(
    params: MasUpstreamOAuthLinkListParams = {},
    options: RequestOptions = {},
  ): MasPagedList<MasUpstreamOAuthLink> {
    return this.masList<MasUpstreamOAuthLink, MasUpstreamOAuthLinkFilter>(
      "/upstream-oauth-links",
      masUpstreamOAuthLinkSchema,
      params,
      MAS_FILTER_PARAMETERS.listUpstreamOAuthLinks,
      options,
    );
  }

  /**
   * Links a user to an account at an upstream identity provider.
   *
   * `POST /api/admin/v1/upstream-oauth-links`
   */
  async add(
    link: MasAddUpstreamOauthLinkOptions,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUpstreamOAuthLink>> {
    const body = toWire("link", link, MAS_BODY_FIELDS.addUpstreamOAuthLink);
    return this.POST<MasSingle<MasUpstreamOAuthLink>>(
      "/upstream-oauth-links",
      { body, schema: this.masSingle(masUpstreamOAuthLinkSchema) },
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
