import { array, nullable, number, object, record, string, unknown } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** The states a scheduled task can be in. */
export const SCHEDULED_TASK_STATUSES = ["scheduled", "active", "complete", "cancelled", "failed"] as const;

/** A task of the task scheduler (room deletes, redactions...). */
export interface ScheduledTask {
  id: string;
  action: string;
  /** One of {@link SCHEDULED_TASK_STATUSES}; a newer server may add others. */
  status: string;
  /** When it should run if scheduled, else when its state last changed (epoch ms). */
  timestamp_ms: number;
  resource_id: string | null;
  /** What the task recorded; null before it did. */
  result: Record<string, unknown> | null;
  error: string | null;
}

/** The scheduled tasks matching the filters. */
export interface ScheduledTaskList {
  scheduled_tasks: ScheduledTask[];
}

/** A state of {@link SCHEDULED_TASK_STATUSES}. */
export type ScheduledTaskStatus = (typeof SCHEDULED_TASK_STATUSES)[number];

/**
 * Filters of the scheduled task list. `actionName` and `status` take several
 * values (tasks matching any) since Synapse 1.160; older servers use the first.
 */
export interface ScheduledTaskFilters {
  actionName?: string | readonly string[];
  resourceId?: string;
  status?: ScheduledTaskStatus | readonly ScheduledTaskStatus[];
  /** Only tasks timestamped before this epoch-ms time. */
  maxTimestamp?: number;
}

const listSchema = responseSchema<ScheduledTaskList>()(
  object({
    scheduled_tasks: array(
      object({
        id: string(),
        action: string(),
        status: string(),
        timestamp_ms: number(),
        resource_id: nullable(string()),
        result: nullable(record(string(), unknown())),
        error: nullable(string()),
      }),
    ),
  }),
);

/**
 * The Scheduled Tasks API (`scheduled_tasks.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/scheduled_tasks.html
 */
export class ScheduledTasksResource extends PagedResource {
  /**
   * The scheduled tasks, filtered: a list of one page (Synapse gives them all
   * at once), awaited or iterated as every list.
   *
   * `GET /_synapse/admin/v1/scheduled_tasks`
   * @see https://element-hq.github.io/synapse/latest/admin_api/scheduled_tasks.html
   */
  list(
    filters: ScheduledTaskFilters = {},
    options: RequestOptions = {},
  ): PagedList<ScheduledTaskList, ScheduledTask, never> {
    const query = {
      action_name: filters.actionName,
      resource_id: filters.resourceId,
      status: filters.status,
      max_timestamp: filters.maxTimestamp,
    };
    return this.pagedGet<ScheduledTaskList, ScheduledTask, never>(
      {
        path: "/v1/scheduled_tasks",
        query: () => query,
        schema: listSchema,
        items: (page) => page.scheduled_tasks,
        nextCursor: () => undefined,
      },
      options,
    );
  }
}
