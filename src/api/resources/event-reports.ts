import { array, exactOptional, nullable, number, object, record, string, unknown } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** Filters of the event report list. */
export interface EventReportListParams {
  from?: number;
  limit?: number;
  /** `b` (default): newest first; `f`: oldest first. */
  dir?: "f" | "b";
  /** Reports made by this user. */
  userId?: string;
  roomId?: string;
  /** Reports of events sent by this user. */
  eventSenderUserId?: string;
}

/** An event report as the list returns it. */
export interface EventReport {
  id: number;
  received_ts: number;
  room_id: string;
  name: string | null;
  event_id: string;
  user_id: string;
  reason: string | null;
  score: number | null;
  sender: string;
  canonical_alias: string | null;
}

/** An event report with the reported event. */
export interface EventReportDetails extends EventReport {
  event_json: Record<string, unknown>;
}

/** One page of event reports. */
export interface EventReportListPage {
  event_reports: EventReport[];
  /** Where the next page starts; absent on the last page. */
  next_token?: number;
  total: number;
}

const nullableString = nullable(string());
const reportFields = {
  id: number(),
  received_ts: number(),
  room_id: string(),
  name: nullableString,
  event_id: string(),
  user_id: string(),
  reason: nullableString,
  score: nullable(number()),
  sender: string(),
  canonical_alias: nullableString,
};
const listSchema = responseSchema<EventReportListPage>()(
  object({
    event_reports: array(object(reportFields)),
    next_token: exactOptional(number()),
    total: number(),
  }),
);
const detailsSchema = responseSchema<EventReportDetails>()(
  object({ ...reportFields, event_json: record(string(), unknown()) }),
);

/**
 * The Event Reports API (`event_reports.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/event_reports.html
 */
export class EventReportsResource extends PagedResource {
  /**
   * The event reports matching the filters: `await` gives the page at `from`,
   * iterating every report from there (following `next_token`).
   *
   * `GET /_synapse/admin/v1/event_reports`
   * @see https://element-hq.github.io/synapse/latest/admin_api/event_reports.html
   */
  list(
    params: EventReportListParams = {},
    options: RequestOptions = {},
  ): PagedList<EventReportListPage, EventReport, number> {
    return this.pagedGet(
      {
        path: "/v1/event_reports",
        query: (from) => ({
          from: from ?? params.from,
          limit: params.limit,
          dir: params.dir,
          user_id: params.userId,
          room_id: params.roomId,
          event_sender_user_id: params.eventSenderUserId,
        }),
        schema: listSchema,
        items: (page) => page.event_reports,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * One event report, with the reported event.
   *
   * `GET /_synapse/admin/v1/event_reports/<report_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/event_reports.html#show-details-of-a-specific-event-report
   */
  get(reportId: string | number, options: RequestOptions = {}): Promise<EventReportDetails> {
    return this.GET(path`/v1/event_reports/${reportId}`, { schema: detailsSchema }, options);
  }

  /**
   * Deletes an event report.
   *
   * `DELETE /_synapse/admin/v1/event_reports/<report_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/event_reports.html#delete-a-specific-event-report
   */
  delete(reportId: string | number, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.DELETE(path`/v1/event_reports/${reportId}`, { schema: emptyAnswerSchema }, options);
  }
}
