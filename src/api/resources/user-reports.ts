import { array, exactOptional, number, object, string } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** Filters of the user report list. */
export interface UserReportListParams {
  from?: number;
  limit?: number;
  /** `b` (default): newest first; `f`: oldest first. */
  dir?: "f" | "b";
  /** Reports made by users whose ID contains this. */
  userId?: string;
  /** Reports about users whose ID contains this. */
  targetUserId?: string;
}

/** A report a user made about another user (client API `POST /_matrix/client/v3/users/<user_id>/report`). */
export interface UserReport {
  id: number;
  /** When the report arrived (epoch ms). */
  received_ts: number;
  /** The reported user. */
  target_user_id: string;
  /** The user who reported. */
  user_id: string;
  reason: string;
}

/** One page of user reports. */
export interface UserReportListPage {
  user_reports: UserReport[];
  /** Where the next page starts; absent on the last page. */
  next_token?: number;
  total: number;
}

// Every column is NOT NULL (`user_reports` table); the list and one report have the same five fields.
const userReportSchema = responseSchema<UserReport>()(
  object({
    id: number(),
    received_ts: number(),
    target_user_id: string(),
    user_id: string(),
    reason: string(),
  }),
);
// `next_token` only while reports remain after this page.
const userReportListSchema = responseSchema<UserReportListPage>()(
  object({ user_reports: array(userReportSchema), next_token: exactOptional(number()), total: number() }),
);

/**
 * The user reports Synapse keeps since 1.152 (`synapse/rest/admin/user_reports.py`;
 * not on an Admin API doc page yet).
 */
export class UserReportsResource extends PagedResource {
  /**
   * The user reports matching the filters: `await` gives the page at `from`,
   * iterating every report from there (following `next_token`). The user filters
   * match parts of IDs, as the server compares with `LIKE %...%`.
   *
   * `GET /_synapse/admin/v1/user_reports`
   */
  list(
    params: UserReportListParams = {},
    options: RequestOptions = {},
  ): PagedList<UserReportListPage, UserReport, number> {
    return this.pagedGet(
      {
        path: "/v1/user_reports",
        query: (from) => ({
          from: from ?? params.from,
          limit: params.limit,
          dir: params.dir,
          user_id: params.userId,
          target_user_id: params.targetUserId,
        }),
        schema: userReportListSchema,
        items: (page) => page.user_reports,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * One user report.
   *
   * `GET /_synapse/admin/v1/user_reports/<report_id>`
   */
  get(reportId: string | number, options: RequestOptions = {}): Promise<UserReport> {
    return this.GET(path`/v1/user_reports/${reportId}`, { schema: userReportSchema }, options);
  }

  /**
   * Deletes a user report.
   *
   * `DELETE /_synapse/admin/v1/user_reports/<report_id>`
   */
  delete(reportId: string | number, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.DELETE(path`/v1/user_reports/${reportId}`, { schema: emptyAnswerSchema }, options);
  }
}
