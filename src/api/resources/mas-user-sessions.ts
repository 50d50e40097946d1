import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasUserSessionFilter } from "./mas-options.ts";
import { MAS_FILTER_PARAMETERS } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasUserSessionFilter } from "./mas-options.ts";

/** The attributes of a MAS resource object: `UserSession` of MAS's OpenAPI description. */
export interface MasUserSession {
  created_at: string;
  finished_at?: string | null;
  last_active_at?: string | null;
  last_active_ip?: string | null;
  user_agent?: string | null;
  user_id: string;
}

// `UserSession` of MAS's OpenAPI description: optional where it does not require a field.
const masUserSessionSchema = responseSchema<MasUserSession>()(
  object({
    created_at: string(),
    finished_at: exactOptional(nullable(string())),
    last_active_at: exactOptional(nullable(string())),
    last_active_ip: exactOptional(nullable(string())),
    user_agent: exactOptional(nullable(string())),
    user_id: string(),
  }),
);

/** The options of {@link MasUserSessionsResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasUserSessionListParams = MasUserSessionFilter & MasPaging;

/** The MAS admin API: browser sessions (user sessions); the operations tagged `user-session` in its OpenAPI description. */
export class MasUserSessionsResource extends MasResource {
  /**
   * Browser sessions. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/user-sessions`
   */
  list(params: MasUserSessionListParams = {}, options: RequestOptions = {}): MasPagedList<MasUserSession> {
    return this.masList<MasUserSession, MasUserSessionFilter>(
      "/user-sessions",
      masUserSessionSchema,
      params,
      MAS_FILTER_PARAMETERS.listUserSessions,
      options,
    );
  }

  /**
   * A browser session by ID.
   *
   * `GET /api/admin/v1/user-sessions/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUserSession>> {
    return this.GET<MasSingle<MasUserSession>>(
      path`/user-sessions/${id}`,
      { schema: this.masSingle(masUserSessionSchema) },
      options,
    );
  }

  /**
   * Ends a browser session.
   *
   * `POST /api/admin/v1/user-sessions/<id>/finish`
   */
  finish(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUserSession>> {
    return this.POST<MasSingle<MasUserSession>>(
      path`/user-sessions/${id}/finish`,
      { schema: this.masSingle(masUserSessionSchema) },
      options,
    );
  }
}
