import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

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

/** The filters of {@link MasOAuth2SessionsResource.list}. */
export interface MasOAuth2SessionFilter {
  /** `filter[user]` */
  user?: string;
  /** `filter[client]` */
  client?: Array<string>;
  /** `filter[client-kind]` */
  clientKind?: "dynamic" | "static";
  /** `filter[user-session]` */
  userSession?: string;
  /** `filter[scope]` */
  scope?: Array<string>;
  /** `filter[status]` */
  status?: "active" | "finished";
  /** `filter[created-before]` */
  createdBefore?: string;
  /** `filter[created-after]` */
  createdAfter?: string;
  /** `filter[last-active-before]` */
  lastActiveBefore?: string;
  /** `filter[last-active-after]` */
  lastActiveAfter?: string;
}

/** The MAS admin API: OAuth 2.0 sessions; the operations tagged `oauth2-session` in its OpenAPI description. */
export class MasOAuth2SessionsResource extends MasResource {
  /**
   * OAuth 2.0 sessions. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/oauth2-sessions`
   */
  list(
    filters: MasOAuth2SessionFilter = {},
    paging: MasPaging = {},
    options: RequestOptions = {},
  ): MasPagedList<MasOAuth2Session> {
    return this.masList<MasOAuth2Session>(
      "/oauth2-sessions",
      masOAuth2SessionSchema,
      paging,
      {
        "filter[user]": filters.user,
        "filter[client]": filters.client,
        "filter[client-kind]": filters.clientKind,
        "filter[user-session]": filters.userSession,
        "filter[scope]": filters.scope,
        "filter[status]": filters.status,
        "filter[created-before]": filters.createdBefore,
        "filter[created-after]": filters.createdAfter,
        "filter[last-active-before]": filters.lastActiveBefore,
        "filter[last-active-after]": filters.lastActiveAfter,
      },
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
