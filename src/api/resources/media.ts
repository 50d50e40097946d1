import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { PagedResource } from "./resource.ts";

/** Where media live: the server that owns them and their ID. */
export interface MediaRef {
  serverName: string;
  mediaId: string;
}

/** Which local media a bulk delete removes. */
export interface MediaDeleteCriteria {
  /** Media last accessed before this epoch-ms time. */
  beforeTs: number;
  /** Only media larger than this many bytes. */
  sizeGt?: number;
  /** Keep media used as avatars (profile, room); default true. */
  keepProfiles?: boolean;
}

/**
 * The Media Admin API (`media_admin_api.md`): query, quarantine, protect, delete, purge.
 * Room and user media lists live on {@link RoomsResource} and {@link UsersResource}.
 * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html
 */
export class MediaResource extends PagedResource {
  /**
   * What the server knows of a piece of media.
   *
   * `GET /_synapse/admin/v1/media/<origin>/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#query-a-piece-of-media-by-id
   */
  info(media: MediaRef, options: RequestOptions = {}): Promise<{ media_info: Record<string, unknown> }> {
    return this.GET(path`/v1/media/${media.serverName}/${media.mediaId}`, {}, options);
  }

  /**
   * Quarantines one piece of media.
   *
   * `POST /_synapse/admin/v1/media/quarantine/<server_name>/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#quarantining-media-by-id
   */
  quarantine(media: MediaRef, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.POST(path`/v1/media/quarantine/${media.serverName}/${media.mediaId}`, { body: {} }, options);
  }

  /**
   * Releases one piece of media from quarantine.
   *
   * `POST /_synapse/admin/v1/media/unquarantine/<server_name>/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#remove-media-from-quarantine-by-id
   */
  unquarantine(media: MediaRef, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.POST(
      path`/v1/media/unquarantine/${media.serverName}/${media.mediaId}`,
      { body: {} },
      options,
    );
  }

  /**
   * Quarantines every media file a user uploaded.
   *
   * `POST /_synapse/admin/v1/user/<user_id>/media/quarantine`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#quarantining-all-media-of-a-user
   */
  quarantineUserMedia(userId: string, options: RequestOptions = {}): Promise<{ num_quarantined: number }> {
    return this.POST(path`/v1/user/${userId}/media/quarantine`, { body: {} }, options);
  }

  /**
   * Protects local media from quarantine.
   *
   * `POST /_synapse/admin/v1/media/protect/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#protecting-media-from-being-quarantined
   */
  protect(mediaId: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.POST(path`/v1/media/protect/${mediaId}`, { body: {} }, options);
  }

  /**
   * Lifts the protection from quarantine.
   *
   * `POST /_synapse/admin/v1/media/unprotect/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#unprotecting-media-from-being-quarantined
   */
  unprotect(mediaId: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.POST(path`/v1/media/unprotect/${mediaId}`, { body: {} }, options);
  }

  /**
   * The quarantine and unquarantine records, oldest first: `await` gives the
   * page at `from`, iterating every record from there (following `next_batch`).
   *
   * `GET /_synapse/admin/v1/media/quarantine_changes`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#listing-quarantined-media-changes
   */
  quarantineChanges(
    from?: number,
    options: RequestOptions = {},
  ): PagedList<
    {
      changes: Array<{ origin: string; media_id: string; quarantined: boolean }>;
      next_batch?: number;
    },
    { origin: string; media_id: string; quarantined: boolean },
    number
  > {
    return this.pagedGet(
      {
        path: "/v1/media/quarantine_changes",
        query: (cursor) => ({ from: cursor ?? from }),
        items: (page) => page.changes,
        nextCursor: (page) => page.next_batch,
      },
      options,
    );
  }

  /**
   * Deletes one piece of local media.
   *
   * `DELETE /_synapse/admin/v1/media/<server_name>/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#delete-a-specific-local-media
   */
  delete(media: MediaRef, options: RequestOptions = {}): Promise<{ deleted_media: string[]; total: number }> {
    return this.DELETE(path`/v1/media/${media.serverName}/${media.mediaId}`, {}, options);
  }

  /**
   * Deletes local media last accessed before a time (and larger than a size).
   *
   * `POST /_synapse/admin/v1/media/delete?before_ts=...`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#delete-local-media-by-date-or-size
   */
  deleteOld(
    criteria: MediaDeleteCriteria,
    options: RequestOptions = {},
  ): Promise<{ deleted_media: string[]; total: number }> {
    const query = {
      before_ts: criteria.beforeTs,
      size_gt: criteria.sizeGt,
      keep_profiles: criteria.keepProfiles,
    };
    return this.POST("/v1/media/delete", { query, body: {} }, options);
  }

  /**
   * Purges cached copies of remote media last accessed before a time.
   *
   * `POST /_synapse/admin/v1/purge_media_cache?before_ts=...`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#purge-remote-media-api
   */
  purgeRemoteCache(beforeTs: number, options: RequestOptions = {}): Promise<{ deleted: number }> {
    return this.POST("/v1/purge_media_cache", { query: { before_ts: beforeTs }, body: {} }, options);
  }
}
