import { array, boolean, exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasOAuth2ClientFilter } from "./mas-options.ts";
import { MAS_FILTER_PARAMETERS } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasOAuth2ClientFilter } from "./mas-options.ts";

/** The attributes of a MAS resource object: `OAuth2Client` of MAS's OpenAPI description. */
export interface MasOAuth2Client {
  client_id: string;
  client_name?: string | null;
  client_uri?: string | null;
  grant_types: Array<string>;
  is_static: boolean;
  logo_uri?: string | null;
  redirect_uris: Array<string>;
}

// `OAuth2Client` of MAS's OpenAPI description: optional where it does not require a field.
const masOAuth2ClientSchema = responseSchema<MasOAuth2Client>()(
  object({
    client_id: string(),
    client_name: exactOptional(nullable(string())),
    client_uri: exactOptional(nullable(string())),
    grant_types: array(string()),
    is_static: boolean(),
    logo_uri: exactOptional(nullable(string())),
    redirect_uris: array(string()),
  }),
);

/** The options of {@link MasOAuth2ClientsResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasOAuth2ClientListParams = MasOAuth2ClientFilter & MasPaging;

/** The MAS admin API: OAuth 2.0 clients; the operations tagged `oauth2-client` in its OpenAPI description. */
export class MasOAuth2ClientsResource extends MasResource {
  /**
   * OAuth 2.0 clients, static (configured) and dynamic (registered). Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/oauth2-clients`
   */
  list(params: MasOAuth2ClientListParams = {}, options: RequestOptions = {}): MasPagedList<MasOAuth2Client> {
    return this.masList<MasOAuth2Client, MasOAuth2ClientFilter>(
      "/oauth2-clients",
      masOAuth2ClientSchema,
      params,
      MAS_FILTER_PARAMETERS.listOAuth2Clients,
      options,
    );
  }

  /**
   * An OAuth 2.0 client by ID.
   *
   * `GET /api/admin/v1/oauth2-clients/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasOAuth2Client>> {
    return this.GET<MasSingle<MasOAuth2Client>>(
      path`/oauth2-clients/${id}`,
      { schema: this.masSingle(masOAuth2ClientSchema) },
      options,
    );
  }
}
