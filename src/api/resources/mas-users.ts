import { boolean, exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

/** The body of a request: `AddUserRequest` of MAS's OpenAPI description. */
export interface MasAddUserRequest {
  avatar_url?: string | null;
  displayname?: string | null;
  skip_homeserver_check?: boolean;
  username: string;
}

/** The body of a request: `DeactivateUserRequest` of MAS's OpenAPI description. */
export interface MasDeactivateUserRequest {
  skip_erase?: boolean;
}

/** The body of a request: `SetUserPasswordRequest` of MAS's OpenAPI description. */
export interface MasSetUserPasswordRequest {
  password: string;
  skip_password_check?: boolean | null;
}

/** The attributes of a MAS resource object: `User` of MAS's OpenAPI description. */
export interface MasUser {
  admin: boolean;
  created_at: string;
  deactivated_at?: string | null;
  legacy_guest: boolean;
  locked_at?: string | null;
  username: string;
}

// `User` of MAS's OpenAPI description: optional where it does not require a field.
const masUserSchema = responseSchema<MasUser>()(
  object({
    admin: boolean(),
    created_at: string(),
    deactivated_at: exactOptional(nullable(string())),
    legacy_guest: boolean(),
    locked_at: exactOptional(nullable(string())),
    username: string(),
  }),
);

/** The body of a request: `UserSetAdminRequest` of MAS's OpenAPI description. */
export interface MasUserSetAdminRequest {
  admin: boolean;
}

/** The filters of {@link MasUsersResource.list}. */
export interface MasUserFilter {
  /** `filter[admin]` */
  admin?: boolean;
  /** `filter[legacy-guest]` */
  legacyGuest?: boolean;
  /** `filter[search]` */
  search?: string;
  /** `filter[status]` */
  status?: "active" | "locked" | "deactivated";
  /** `filter[active-oauth2-client]` */
  activeOauth2Client?: Array<string>;
  /** `filter[has-active-oauth2-session]` */
  hasActiveOauth2Session?: boolean;
  /** `filter[has-active-compat-session]` */
  hasActiveCompatSession?: boolean;
}

/** The MAS admin API: MAS users; the operations tagged `user` in its OpenAPI description. */
export class MasUsersResource extends MasResource {
  /**
   * MAS users. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/users`
   */
  list(
    filters: MasUserFilter = {},
    paging: MasPaging = {},
    options: RequestOptions = {},
  ): MasPagedList<MasUser> {
    return this.masList<MasUser>(
      "/users",
      masUserSchema,
      paging,
      {
        "filter[admin]": filters.admin,
        "filter[legacy-guest]": filters.legacyGuest,
        "filter[search]": filters.search,
        "filter[status]": filters.status,
        "filter[active-oauth2-client]": filters.activeOauth2Client,
        "filter[has-active-oauth2-session]": filters.hasActiveOauth2Session,
        "filter[has-active-compat-session]": filters.hasActiveCompatSession,
      },
      options,
    );
  }

  /**
   * Creates a user in MAS (and, unless `skip_homeserver_check`, checks the username with the homeserver first); it has no password until one is set.
   *
   * `POST /api/admin/v1/users`
   */
  create(request: MasAddUserRequest, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    return this.POST<MasSingle<MasUser>>(
      "/users",
      { body: request, schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * A user by username (the localpart of its Matrix ID).
   *
   * `GET /api/admin/v1/users/by-username/<username>`
   */
  getByUsername(username: string, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    return this.GET<MasSingle<MasUser>>(
      path`/users/by-username/${username}`,
      { schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * A user by ID.
   *
   * `GET /api/admin/v1/users/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    return this.GET<MasSingle<MasUser>>(
      path`/users/${id}`,
      { schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * Deactivates a user: ends its sessions, and erases it on the homeserver unless `skip_erase`.
   *
   * `POST /api/admin/v1/users/<id>/deactivate`
   */
  deactivate(
    id: string,
    request: MasDeactivateUserRequest = {},
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUser>> {
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/deactivate`,
      { body: request, schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * Locks a user: it can no longer log in or use its sessions, and it keeps its data.
   *
   * `POST /api/admin/v1/users/<id>/lock`
   */
  lock(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/lock`,
      { schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * Reactivates a deactivated user.
   *
   * `POST /api/admin/v1/users/<id>/reactivate`
   */
  reactivate(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/reactivate`,
      { schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * Makes the user able to request admin scopes, or not.
   *
   * `POST /api/admin/v1/users/<id>/set-admin`
   */
  setAdmin(
    id: string,
    request: MasUserSetAdminRequest,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUser>> {
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/set-admin`,
      { body: request, schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * Sets the user's password; `skip_password_check` skips the complexity check.
   *
   * `POST /api/admin/v1/users/<id>/set-password`
   */
  setPassword(id: string, request: MasSetUserPasswordRequest, options: RequestOptions = {}): Promise<void> {
    return this.POST<void>(
      path`/users/${id}/set-password`,
      { body: request, schema: this.masNoContent },
      options,
    );
  }

  /**
   * Unlocks a locked user.
   *
   * `POST /api/admin/v1/users/<id>/unlock`
   */
  unlock(id: string, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/unlock`,
      { schema: this.masSingle(masUserSchema) },
      options,
    );
  }
}
