import { boolean, nullable, number, object, record, string } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** The jobs the background updates API can start. */
export const BACKGROUND_JOBS = [
  "populate_stats_process_rooms",
  "regenerate_directory",
  "event_resign",
] as const;

/** One database's running update. */
export interface BackgroundUpdateProgress {
  name: string;
  total_item_count: number;
  total_duration_ms: number;
  /** Null before the first item of the update is done. */
  average_items_per_ms: number | null;
}

/** Whether updates run, and the one running per database. */
export interface BackgroundUpdatesStatus {
  enabled: boolean;
  /** By database name (usually `master`). */
  current_updates: Record<string, BackgroundUpdateProgress>;
}

/** Whether background updates run. */
export interface BackgroundUpdatesEnabled {
  enabled: boolean;
}

/** Extra body parameters of the `event_resign` job. */
export interface EventResignOptions {
  /** Only events whose signature verifies against this key (`"ed25519:id base64"`). */
  oldKey?: string | undefined;
  /** Only events received before this epoch-ms time. */
  beforeTs?: number | undefined;
}

const enabledSchema = responseSchema<BackgroundUpdatesEnabled>()(object({ enabled: boolean() }));
const statusSchema = responseSchema<BackgroundUpdatesStatus>()(
  object({
    enabled: boolean(),
    current_updates: record(
      string(),
      object({
        name: string(),
        total_item_count: number(),
        total_duration_ms: number(),
        average_items_per_ms: nullable(number()),
      }),
    ),
  }),
);

/**
 * The Background Updates API (`usage-background_updates.md`).
 * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html
 */
export class BackgroundUpdatesResource extends Resource {
  /**
   * Whether updates run, and the ones running now.
   *
   * `GET /_synapse/admin/v1/background_updates/status`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html#status
   */
  status(options: RequestOptions = {}): Promise<BackgroundUpdatesStatus> {
    return this.GET("/v1/background_updates/status", { schema: statusSchema }, options);
  }

  /**
   * Whether background updates run.
   *
   * `GET /_synapse/admin/v1/background_updates/enabled`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html#enabled
   */
  enabled(options: RequestOptions = {}): Promise<BackgroundUpdatesEnabled> {
    return this.GET("/v1/background_updates/enabled", { schema: enabledSchema }, options);
  }

  /**
   * Pauses or resumes background updates (until Synapse restarts).
   *
   * `POST /_synapse/admin/v1/background_updates/enabled`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html#enabled
   */
  setEnabled(state: { enabled: boolean }, options: RequestOptions = {}): Promise<BackgroundUpdatesEnabled> {
    const body = { enabled: state.enabled };
    return this.POST("/v1/background_updates/enabled", { body, schema: enabledSchema }, options);
  }

  /**
   * Starts a background job.
   *
   * `POST /_synapse/admin/v1/background_updates/start_job`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html#run
   */
  startJob(
    jobName: (typeof BACKGROUND_JOBS)[number],
    extra: EventResignOptions = {},
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    return this.POST(
      "/v1/background_updates/start_job",
      { body: startJobBody(jobName, extra), schema: emptyAnswerSchema },
      options,
    );
  }
}

function startJobBody(jobName: string, extra: EventResignOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { job_name: jobName };
  if (extra.oldKey !== undefined) body["old_key"] = extra.oldKey;
  if (extra.beforeTs !== undefined) body["before_ts"] = extra.beforeTs;
  return body;
}
