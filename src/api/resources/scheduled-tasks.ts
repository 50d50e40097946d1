import type { RequestOptions } from "../http-client.ts";
import { Resource } from "./resource.ts";

/**
 * The Scheduled Tasks API (`scheduled_tasks.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/scheduled_tasks.html
 */
export class ScheduledTasksResource extends Resource {
  /**
   * The scheduled tasks, filtered.
   *
   * `GET /_synapse/admin/v1/scheduled_tasks`
   * @see https://element-hq.github.io/synapse/latest/admin_api/scheduled_tasks.html
   */
  list(
    filters: {
      actionName?: string;
      resourceId?: string;
      status?: "scheduled" | "active" | "complete" | "failed";
      maxTimestamp?: number;
    } = {},
    options: RequestOptions = {},
  ): Promise<{ scheduled_tasks: Array<Record<string, unknown>> }> {
    const query = {
      action_name: filters.actionName,
      resource_id: filters.resourceId,
      status: filters.status,
      max_timestamp: filters.maxTimestamp,
    };
    return this.http.request({ ...options, method: "GET", path: "/v1/scheduled_tasks", query });
  }
}
