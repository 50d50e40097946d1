import { exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type {
  MasCreatePersonalSessionOptions,
  MasPersonalSessionFilter,
  MasRegeneratePersonalSessionOptions,
} from "./mas-options.ts";
import { MAS_BODY_FIELDS, MAS_FILTER_PARAMETERS, toWire } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type {
  MasCreatePersonalSessionOptions,
  MasPersonalSessionFilter,
  MasRegeneratePersonalSessionOptions,
} from "./mas-options.ts";

/** The attributes of a MAS resource object: `PersonalSession` of MAS's OpenAPI description. */
export interface MasPersonalSession {
  access_token?: string | null;
  actor_user_id: string;
  created_at: string;
  expires_at?: string | null;
  human_name: string;
  last_active_at?: string | null;
  last_active_ip?: string | null;
  owner_client_id?: string | null;
  owner_user_id?: string | null;
  revoked_at?: string | null;
  scope: string;
}

// `PersonalSession` of MAS's OpenAPI description: optional where it does not require a field.
const masPersonalSessionSchema = responseSchema<MasPersonalSession>()(
  object({
    access_token: exactOptional(nullable(string())),
    actor_user_id: string(),
    created_at: string(),
    expires_at: exactOptional(nullable(string())),
    human_name: string(),
    last_active_at: exactOptional(nullable(string())),
    last_active_ip: exactOptional(nullable(string())),
    owner_client_id: exactOptional(nullable(string())),
    owner_user_id: exactOptional(nullable(string())),
    revoked_at: exactOptional(nullable(string())),
    scope: string(),
  }),
);

/** The options of {@link MasPersonalSessionsResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasPersonalSessionListParams = MasPersonalSessionFilter & MasPaging;

/** The MAS admin API: personal sessions (personal access tokens); the operations tagged `personal-session` in its OpenAPI description. */
export class MasPersonalSessionsResource extends MasResource {
  /**
   * Personal sessions (personal access tokens). Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/personal-sessions`
   */
  list(
    params: MasPersonalSessionListParams = {},
    options: RequestOptions = {},
  ): MasPagedList<MasPersonalSession> {
    return this.masList<MasPersonalSession, MasPersonalSessionFilter>(
      "/personal-sessions",
      masPersonalSessionSchema,
      params,
      MAS_FILTER_PARAMETERS.listPersonalSessions,
      options,
    );
  }

  /**
   * Creates a personal session acting as a user; the answer holds its access token, shown only this once.
   *
   * `POST /api/admin/v1/personal-sessions`
   */
  async create(
    session: MasCreatePersonalSessionOptions,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasPersonalSession>> {
    const body = toWire("session", session, MAS_BODY_FIELDS.createPersonalSession);
    return this.POST<MasSingle<MasPersonalSession>>(
      "/personal-sessions",
      { body, schema: this.masSingle(masPersonalSessionSchema) },
      options,
    );
  }

  /**
   * A personal session by ID (without its token).
   *
   * `GET /api/admin/v1/personal-sessions/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasPersonalSession>> {
    return this.GET<MasSingle<MasPersonalSession>>(
      path`/personal-sessions/${id}`,
      { schema: this.masSingle(masPersonalSessionSchema) },
      options,
    );
  }

  /**
   * Replaces the access token of a personal session; the answer holds the new one.
   *
   * `POST /api/admin/v1/personal-sessions/<id>/regenerate`
   */
  async regenerate(
    id: string,
    regeneration: MasRegeneratePersonalSessionOptions = {},
    options: RequestOptions = {},
  ): Promise<MasSingle<MasPersonalSession>> {
    const body = toWire("regeneration", regeneration, MAS_BODY_FIELDS.regeneratePersonalSession);
    return this.POST<MasSingle<MasPersonalSession>>(
      path`/personal-sessions/${id}/regenerate`,
      { body, schema: this.masSingle(masPersonalSessionSchema) },
      options,
    );
  }

  /**
   * Revokes a personal session.
   *
   * `POST /api/admin/v1/personal-sessions/<id>/revoke`
   */
  revoke(id: string, options: RequestOptions = {}): Promise<MasSingle<MasPersonalSession>> {
    return this.POST<MasSingle<MasPersonalSession>>(
      path`/personal-sessions/${id}/revoke`,
      { schema: this.masSingle(masPersonalSessionSchema) },
      options,
    );
  }
}
