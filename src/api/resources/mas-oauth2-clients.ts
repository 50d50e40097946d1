import { array, boolean, exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

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

/** The filters of {@link MasOAuth2ClientsResource.list}. */
export interface MasOAuth2ClientFilter {
  /** `filter[client-kind]` */
  clientKind?: "dynamic" | "static";
  /** `filter[client-name]` */
  clientName?: string;
  /** `filter[client-uri]` */
  clientUri?: string;
  /** `filter[grant-type]` */
  grantType?: string;
  /** `filter[has-active-sessions]` */
  hasActiveSessions?: boolean;
}

/** The MAS admin API: OAuth 2.0 clients; the operations tagged `oauth2-client` in its OpenAPI description. */
export class MasOAuth2ClientsResource extends MasResource {
  /**
   * OAuth 2.0 clients, static (configured) and dynamic (registered). Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/oauth2-clients`
   */
  list(
    filters: MasOAuth2ClientFilter = {},
    paging: MasPaging = {},
    options: RequestOptions = {},
  ): MasPagedList<MasOAuth2Client> {
    return this.masList<MasOAuth2Client>(
      "/oauth2-clients",
      masOAuth2ClientSchema,
      paging,
      {
        "filter[client-kind]": filters.clientKind,
        "filter[client-name]": filters.clientName,
        "filter[client-uri]": filters.clientUri,
        "filter[grant-type]": filters.grantType,
        "filter[has-active-sessions]": filters.hasActiveSessions,
      },
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
