import { array, nullable, number, object, string } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema, type Flag, flagSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import { checkUserId, type UserId } from "../ids.ts";
import type { PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
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

/** What the server knows of a piece of media; the fields that do not apply to local or remote media are null. */
export interface MediaInfo {
  /** The remote server the media came from; null for local media. */
  media_origin: string | null;
  /** Who uploaded it; null for remote media. */
  user_id: string | null;
  media_id: string;
  media_type: string;
  media_length: number | null;
  upload_name: string | null;
  created_ts: number;
  filesystem_id: string | null;
  url_cache: string | null;
  last_access_ts: number | null;
  quarantined_by: string | null;
  /** Whether it was uploaded with authentication; null for media from before Synapse recorded it. */
  authenticated: Flag | null;
  safe_from_quarantine: Flag | null;
  sha256: string | null;
}

/** A change of a piece of media's quarantine. */
export interface QuarantineChange {
  origin: string;
  media_id: string;
  quarantined: Flag;
}

/** A page of quarantine changes. */
export interface QuarantineChangesPage {
  changes: QuarantineChange[];
  /** Where the next page starts; also given on the last page, to poll from. */
  next_batch: number;
}

const nullableString = nullable(string());
const infoSchema = responseSchema<{ media_info: MediaInfo }>()(
  object({
    media_info: object({
      media_origin: nullableString,
      user_id: nullableString,
      media_id: string(),
      media_type: string(),
      media_length: nullable(number()),
      upload_name: nullableString,
      created_ts: number(),
      filesystem_id: nullableString,
      url_cache: nullableString,
      last_access_ts: nullable(number()),
      quarantined_by: nullableString,
      authenticated: nullable(flagSchema),
      safe_from_quarantine: nullable(flagSchema),
      sha256: nullableString,
    }),
  }),
);
const quarantinedSchema = responseSchema<{ num_quarantined: number }>()(
  object({ num_quarantined: number() }),
);
const changesSchema = responseSchema<QuarantineChangesPage>()(
  object({
    changes: array(object({ origin: string(), media_id: string(), quarantined: flagSchema })),
    next_batch: number(),
  }),
);
const deletedMediaSchema = responseSchema<{ deleted_media: string[]; total: number }>()(
  object({ deleted_media: array(string()), total: number() }),
);
const purgedSchema = responseSchema<{ deleted: number }>()(object({ deleted: number() }));

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
  info(media: MediaRef, options: RequestOptions = {}): Promise<{ media_info: MediaInfo }> {
    return this.GET(path`/v1/media/${media.serverName}/${media.mediaId}`, { schema: infoSchema }, options);
  }

  /**
   * Quarantines one piece of media.
   *
   * `POST /_synapse/admin/v1/media/quarantine/<server_name>/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#quarantining-media-by-id
   */
  quarantine(media: MediaRef, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.POST(
      path`/v1/media/quarantine/${media.serverName}/${media.mediaId}`,
      { body: {}, schema: emptyAnswerSchema },
      options,
    );
  }

  /**
   * Releases one piece of media from quarantine.
   *
   * `POST /_synapse/admin/v1/media/unquarantine/<server_name>/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#remove-media-from-quarantine-by-id
   */
  unquarantine(media: MediaRef, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.POST(
      path`/v1/media/unquarantine/${media.serverName}/${media.mediaId}`,
      { body: {}, schema: emptyAnswerSchema },
      options,
    );
  }

  /**
   * Quarantines every media file a user uploaded.
   *
   * `POST /_synapse/admin/v1/user/<user_id>/media/quarantine`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#quarantining-all-media-of-a-user
   */
  async quarantineUserMedia(
    userId: UserId,
    options: RequestOptions = {},
  ): Promise<{ num_quarantined: number }> {
    checkUserId(userId);
    return this.POST(
      path`/v1/user/${userId}/media/quarantine`,
      { body: {}, schema: quarantinedSchema },
      options,
    );
  }

  /**
   * Protects local media from quarantine.
   *
   * `POST /_synapse/admin/v1/media/protect/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#protecting-media-from-being-quarantined
   */
  protect(mediaId: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.POST(path`/v1/media/protect/${mediaId}`, { body: {}, schema: emptyAnswerSchema }, options);
  }

  /**
   * Lifts the protection from quarantine.
   *
   * `POST /_synapse/admin/v1/media/unprotect/<media_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#unprotecting-media-from-being-quarantined
   */
  unprotect(mediaId: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.POST(path`/v1/media/unprotect/${mediaId}`, { body: {}, schema: emptyAnswerSchema }, options);
  }

  /**
   * The quarantine and unquarantine records, oldest first: `await` gives the
   * page at `from`, iterating every record from there (following `next_batch`).
   *
   * `GET /_synapse/admin/v1/media/quarantine_changes`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#listing-quarantined-media-changes
   */
  quarantineChanges(
    params: { from?: number | undefined } = {},
    options: RequestOptions = {},
  ): PagedList<QuarantineChangesPage, QuarantineChange, number> {
    return this.pagedGet(
      {
        path: "/v1/media/quarantine_changes",
        query: (cursor) => ({ from: cursor ?? params.from }),
        schema: changesSchema,
        items: (page) => page.changes,
        // Every page has a next_batch, the last one too (to poll from later): an empty page is the end.
        nextCursor: (page) => (page.changes.length === 0 ? undefined : page.next_batch),
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
    return this.DELETE(
      path`/v1/media/${media.serverName}/${media.mediaId}`,
      { schema: deletedMediaSchema },
      options,
    );
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
    return this.POST("/v1/media/delete", { query, body: {}, schema: deletedMediaSchema }, options);
  }

  /**
   * Purges cached copies of remote media last accessed before a time.
   *
   * `POST /_synapse/admin/v1/purge_media_cache?before_ts=...`
   * @see https://element-hq.github.io/synapse/latest/admin_api/media_admin_api.html#purge-remote-media-api
   */
  purgeRemoteCache(
    criteria: { beforeTs: number },
    options: RequestOptions = {},
  ): Promise<{ deleted: number }> {
    return this.POST(
      "/v1/purge_media_cache",
      { query: { before_ts: criteria.beforeTs }, body: {}, schema: purgedSchema },
      options,
    );
  }
}
