import { boolean, exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasUpstreamOAuthProviderFilter } from "./mas-options.ts";
import { MAS_FILTER_PARAMETERS } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasUpstreamOAuthProviderFilter } from "./mas-options.ts";

/** The attributes of a MAS resource object: `UpstreamOAuthProvider` of MAS's OpenAPI description. */
export interface MasUpstreamOAuthProvider {
  brand_name?: string | null;
  created_at: string;
  disabled_at?: string | null;
  human_name?: string | null;
  issuer?: string | null;
  registration_token_required: boolean;
}

// `UpstreamOAuthProvider` of MAS's OpenAPI description: optional where it does not require a field.
const masUpstreamOAuthProviderSchema = responseSchema<MasUpstreamOAuthProvider>()(
  object({
    brand_name: exactOptional(nullable(string())),
    created_at: string(),
    disabled_at: exactOptional(nullable(string())),
    human_name: exactOptional(nullable(string())),
    issuer: exactOptional(nullable(string())),
    registration_token_required: boolean(),
  }),
);

/** The options of {@link MasUpstreamOAuthProvidersResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasUpstreamOAuthProviderListParams = MasUpstreamOAuthProviderFilter & MasPaging;

/** The MAS admin API: upstream identity providers; the operations tagged `upstream-oauth-provider` in its OpenAPI description. */
export class MasUpstreamOAuthProvidersResource extends MasResource {
  /**
   * Upstream identity providers. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/upstream-oauth-providers`
   */
  list(
    params: MasUpstreamOAuthProviderListParams = {},
    options: RequestOptions = {},
  ): MasPagedList<MasUpstreamOAuthProvider> {
    return this.masList<MasUpstreamOAuthProvider, MasUpstreamOAuthProviderFilter>(
      "/upstream-oauth-providers",
      masUpstreamOAuthProviderSchema,
      params,
      MAS_FILTER_PARAMETERS.listUpstreamOAuthProviders,
      options,
    );
  }

  /**
   * An upstream identity provider by ID.
   *
   * `GET /api/admin/v1/upstream-oauth-providers/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUpstreamOAuthProvider>> {
    return this.GET<MasSingle<MasUpstreamOAuthProvider>>(
      path`/upstream-oauth-providers/${id}`,
      { schema: this.masSingle(masUpstreamOAuthProviderSchema) },
      options,
    );
  }
}
