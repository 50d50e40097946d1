import type { RequestOptions } from "../http-client.ts";
import { Resource } from "./resource.ts";

/** The jobs the background updates API can start. */
export const BACKGROUND_JOBS = [
  "populate_stats_process_rooms",
  "regenerate_directory",
  "event_resign",
] as const;

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
  status(
    options: RequestOptions = {},
  ): Promise<{ enabled: boolean; current_updates: Record<string, unknown> }> {
    return this.http.request({ ...options, method: "GET", path: "/v1/background_updates/status" });
  }

  /**
   * Pauses or resumes background updates (until Synapse restarts).
   *
   * `POST /_synapse/admin/v1/background_updates/enabled`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html#enabled
   */
  setEnabled(enabled: boolean, options: RequestOptions = {}): Promise<{ enabled: boolean }> {
    return this.http.request({
      ...options,
      method: "POST",
      path: "/v1/background_updates/enabled",
      body: { enabled },
    });
  }

  /**
   * Starts a background job.
   *
   * `POST /_synapse/admin/v1/background_updates/start_job`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/background_updates.html#run
   */
  startJob(
    jobName: (typeof BACKGROUND_JOBS)[number],
    extra: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.http.request({
      ...options,
      method: "POST",
      path: "/v1/background_updates/start_job",
      body: { job_name: jobName, ...extra },
    });
  }
}
