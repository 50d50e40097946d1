import { boolean, exactOptional, nullable, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type {
  MasAddUserOptions,
  MasDeactivateUserOptions,
  MasSetUserPasswordOptions,
  MasUserFilter,
  MasUserSetAdminOptions,
} from "./mas-options.ts";
import { MAS_BODY_FIELDS, MAS_FILTER_PARAMETERS, toWire } from "./mas-options.ts";
import { type MasPagedList, type MasPaging, MasResource, type MasSingle } from "./mas-resource.ts";

export type {
  MasAddUserOptions,
  MasDeactivateUserOptions,
  MasSetUserPasswordOptions,
  MasUserFilter,
  MasUserSetAdminOptions,
} from "./mas-options.ts";

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

/** The options of {@link MasUsersResource.list}: its filters and {@link MasPaging}, in one object. */
export type MasUserListParams = MasUserFilter & MasPaging;

/** The MAS admin API: MAS users; the operations tagged `user` in its OpenAPI description. */
export class MasUsersResource extends MasResource {
  /**
   * MAS users. Every matching one, page by page as iterated (following
   * `page[after]`); awaited, the first page with its `meta.count`.
   *
   * `GET /api/admin/v1/users`
   */
  list(params: MasUserListParams = {}, options: RequestOptions = {}): MasPagedList<MasUser> {
    return this.masList<MasUser, MasUserFilter>(
      "/users",
      masUserSchema,
      params,
      MAS_FILTER_PARAMETERS.listUsers,
      options,
    );
  }

  /**
   * Creates a user in MAS (and, unless `skipHomeserverCheck`, checks the username with the homeserver first); it has no password until one is set.
   *
   * `POST /api/admin/v1/users`
   */
  async create(user: MasAddUserOptions, options: RequestOptions = {}): Promise<MasSingle<MasUser>> {
    const body = toWire("user", user, MAS_BODY_FIELDS.createUser);
    return this.POST<MasSingle<MasUser>>("/users", { body, schema: this.masSingle(masUserSchema) }, options);
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
   * Deactivates a user: ends its sessions, and erases it on the homeserver unless `skipErase`.
   *
   * `POST /api/admin/v1/users/<id>/deactivate`
   */
  async deactivate(
    id: string,
    deactivation: MasDeactivateUserOptions = {},
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUser>> {
    const body = toWire("deactivation", deactivation, MAS_BODY_FIELDS.deactivateUser);
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/deactivate`,
      { body, schema: this.masSingle(masUserSchema) },
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
  async setAdmin(
    id: string,
    state: MasUserSetAdminOptions,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasUser>> {
    const body = toWire("state", state, MAS_BODY_FIELDS.userSetAdmin);
    return this.POST<MasSingle<MasUser>>(
      path`/users/${id}/set-admin`,
      { body, schema: this.masSingle(masUserSchema) },
      options,
    );
  }

  /**
   * Sets the user's password; `skipPasswordCheck` skips the complexity check.
   *
   * `POST /api/admin/v1/users/<id>/set-password`
   */
  async setPassword(
    id: string,
    change: MasSetUserPasswordOptions,
    options: RequestOptions = {},
  ): Promise<void> {
    const body = toWire("change", change, MAS_BODY_FIELDS.setUserPassword);
    return this.POST<void>(path`/users/${id}/set-password`, { body, schema: this.masNoContent }, options);
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
