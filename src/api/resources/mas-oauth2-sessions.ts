import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasOAuth2SessionFilter } from "./mas-options.ts";
import { MAS_FILTER_PARAMETERS } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasOAuth2SessionFilter } from "./mas-options.ts";

/** The attributes of a MAS resource object: `OAuth2Session` of MAS's OpenAPI description. */
export interface MasOAuth2Session {
  client_id: string;
  created_at: string;
  finished_at?: string | null;
  human_name?: string | null;
  last_active_at?: string | null;
  last_active_ip?: string | null;
  scope: string;
  user_agent?: string | null;
  user_id?: string | null;
  user_session_id?: string | null;
}

// `OAuth2Session` of MAS's OpenAPI description: optional where it does not require a field.
const masOAuth2SessionSchema = responseSchema<MasOAuth2Session>()(
  object({
    client_id: string(),
    created_at: string(),
    finished_at: exactOptional(nullable(string())),
    human_name: exactOptional(nullable(string())),
    last_active_at: exactOptional(nullable(string())),
    last_active_ip: exactOptional(nullable(string())),
    scope: string(),
    user_agent: exactOptional(nullable(string())),
    user_id: exactOptional(nullable(string())),
    user_session_id: exactOptional(nullable(string())),
  }),
);

/** The options of {@link MasOAuth2SessionsResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasOAuth2SessionListParams = MasOAuth2SessionFilter & MasPaging;

/** The MAS admin API: OAuth 2.0 sessions; the operations tagged `oauth2-session` in its OpenAPI description. */
export class MasOAuth2SessionsResource extends MasResource {
  /**
   * OAuth 2.0 sessions. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/oauth2-sessions`
   */
  list(
    params: MasOAuth2SessionListParams = {},
    options: RequestOptions = {},
  ): MasPagedList<MasOAuth2Session> {
    return this.masList<MasOAuth2Session, MasOAuth2SessionFilter>(
      "/oauth2-sessions",
      masOAuth2SessionSchema,
      params,
      MAS_FILTER_PARAMETERS.listOAuth2Sessions,
      options,
    );
  }

  /**
   * An OAuth 2.0 session by ID.
   *
   * `GET /api/admin/v1/oauth2-sessions/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasOAuth2Session>> {
    return this.GET<MasSingle<MasOAuth2Session>>(
      path`/oauth2-sessions/${id}`,
      { schema: this.masSingle(masOAuth2SessionSchema) },
      options,
    );
  }

  /**
   * Ends an OAuth 2.0 session, revoking its tokens.
   *
   * `POST /api/admin/v1/oauth2-sessions/<id>/finish`
   */
  finish(id: string, options: RequestOptions = {}): Promise<MasSingle<MasOAuth2Session>> {
    return this.POST<MasSingle<MasOAuth2Session>>(
      path`/oauth2-sessions/${id}/finish`,
      { schema: this.masSingle(masOAuth2SessionSchema) },
      options,
    );
  }
}
