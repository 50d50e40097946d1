import { exactOptional, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { checkEventId, checkRoomId, type EventId, type RoomId } from "../ids.ts";
import { type LongRunningJob, PendingJob, statusJob } from "../jobs.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** Where a history purge stops: before an event, or before a time. */
export type PurgePoint = { beforeEventId: EventId } | { beforeTs: number };

/** Options of {@link PurgeHistoryResource.purge}: where to purge up to, and whether local users' events go too. */
export type PurgeOptions = PurgePoint & {
  /** Purge local users' events too (default `false`: only remote users' events go). */
  deleteLocalEvents?: boolean;
};

/** The status of a history purge. */
export interface PurgeStatus {
  /** `active`, `complete` or `failed`. */
  status: string;
  error?: string;
}

const purgeSchema = responseSchema<{ purge_id: string }>()(object({ purge_id: string() }));
const statusSchema = responseSchema<PurgeStatus>()(
  object({ status: string(), error: exactOptional(string()) }),
);

/**
 * The Purge History API (`purge_history_api.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/purge_history_api.html
 */
export class PurgeHistoryResource extends Resource {
  /**
   * Purges a room's events before a point; local users' events only with `deleteLocalEvents`.
   * The request is sent at once; `await` waits for the purge to end, `.started()` gives the job.
   *
   * `POST /_synapse/admin/v1/purge_history/<room_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/purge_history_api.html
   */
  purge(roomId: RoomId, point: PurgeOptions, options: RequestOptions = {}): PendingJob<PurgeStatus> {
    return new PendingJob(async () => {
      checkRoomId(roomId);
      if ("beforeEventId" in point) checkEventId(point.beforeEventId, "beforeEventId");
      const body: Record<string, unknown> =
        "beforeEventId" in point
          ? { purge_up_to_event_id: point.beforeEventId }
          : { purge_up_to_ts: point.beforeTs };
      if (point.deleteLocalEvents) body["delete_local_events"] = true;
      const { purge_id } = await this.POST(
        path`/v1/purge_history/${roomId}`,
        { body, schema: purgeSchema },
        options,
      );
      return this.purgeJob(purge_id);
    }, options.signal);
  }

  /**
   * A handle on a purge started earlier; makes no request until its status is asked for.
   *
   * `GET /_synapse/admin/v1/purge_history_status/<purge_id>` (when polled)
   */
  purgeJob(purgeId: string): LongRunningJob<PurgeStatus> {
    return statusJob(purgeId, `history purge ${purgeId}`, (id, options) => this.status(id, options));
  }

  /**
   * The status of a purge.
   *
   * `GET /_synapse/admin/v1/purge_history_status/<purge_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/purge_history_api.html#purge-status-query
   */
  status(purgeId: string, options: RequestOptions = {}): Promise<PurgeStatus> {
    return this.GET(path`/v1/purge_history_status/${purgeId}`, { schema: statusSchema }, options);
  }
}
