import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasCompatSessionFilter } from "./mas-options.ts";
import { MAS_FILTER_PARAMETERS } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasCompatSessionFilter } from "./mas-options.ts";

/** The attributes of a MAS resource object: `CompatSession` of MAS's OpenAPI description. */
export interface MasCompatSession {
  created_at: string;
  device_id?: string | null;
  finished_at?: string | null;
  human_name?: string | null;
  last_active_at?: string | null;
  last_active_ip?: string | null;
  redirect_uri?: string | null;
  user_agent?: string | null;
  user_id: string;
  user_session_id?: string | null;
}

// `CompatSession` of MAS's OpenAPI description: optional where it does not require a field.
const masCompatSessionSchema = responseSchema<MasCompatSession>()(
  object({
    created_at: string(),
    device_id: exactOptional(nullable(string())),
    finished_at: exactOptional(nullable(string())),
    human_name: exactOptional(nullable(string())),
    last_active_at: exactOptional(nullable(string())),
    last_active_ip: exactOptional(nullable(string())),
    redirect_uri: exactOptional(nullable(string())),
    user_agent: exactOptional(nullable(string())),
    user_id: string(),
    user_session_id: exactOptional(nullable(string())),
  }),
);

/** The options of {@link MasCompatSessionsResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasCompatSessionListParams = MasCompatSessionFilter & MasPaging;

/** The MAS admin API: compatibility sessions (made by the legacy Matrix login API); the operations tagged `compat-session` in its OpenAPI description. */
export class MasCompatSessionsResource extends MasResource {
  /**
   * Compatibility sessions (logins through the legacy Matrix login API). Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/compat-sessions`
   */
  list(
    params: MasCompatSessionListParams = {},
    options: RequestOptions = {},
  ): MasPagedList<MasCompatSession> {
    return this.masList<MasCompatSession, MasCompatSessionFilter>(
      "/compat-sessions",
      masCompatSessionSchema,
      params,
      MAS_FILTER_PARAMETERS.listCompatSessions,
      options,
    );
  }

  /**
   * A compatibility session by ID.
   *
   * `GET /api/admin/v1/compat-sessions/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasCompatSession>> {
    return this.GET<MasSingle<MasCompatSession>>(
      path`/compat-sessions/${id}`,
      { schema: this.masSingle(masCompatSessionSchema) },
      options,
    );
  }

  /**
   * Ends a compatibility session, logging its device out.
   *
   * `POST /api/admin/v1/compat-sessions/<id>/finish`
   */
  finish(id: string, options: RequestOptions = {}): Promise<MasSingle<MasCompatSession>> {
    return this.POST<MasSingle<MasCompatSession>>(
      path`/compat-sessions/${id}/finish`,
      { schema: this.masSingle(masCompatSessionSchema) },
      options,
    );
  }
}
