import { array, exactOptional, nullable, number, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** Sort orders of the media usage statistics. */
export const MEDIA_USAGE_ORDERS = ["user_id", "displayname", "media_length", "media_count"] as const;

/** Parameters of the users' media usage statistics. */
export interface MediaUsageParams {
  from?: number;
  limit?: number;
  orderBy?: (typeof MEDIA_USAGE_ORDERS)[number];
  /** Only media uploaded at or after this epoch-ms time. */
  fromTs?: number;
  /** Only media uploaded at or before this epoch-ms time. */
  untilTs?: number;
  searchTerm?: string;
  dir?: "f" | "b";
}

/** One user's media usage. */
export interface UserMediaUsage {
  user_id: string;
  displayname: string | null;
  media_count: number;
  media_length: number;
}

/** One page of the users' media usage statistics. */
export interface MediaUsagePage {
  users: UserMediaUsage[];
  /** Where the next page starts; absent on the last page. */
  next_token?: number;
  total: number;
}

/** The rooms taking the most database space, largest first. */
export interface RoomSizes {
  rooms: Array<{ room_id: string; estimated_size: number }>;
}

const usageSchema = responseSchema<MediaUsagePage>()(
  object({
    users: array(
      object({
        user_id: string(),
        displayname: nullable(string()),
        media_count: number(),
        media_length: number(),
      }),
    ),
    next_token: exactOptional(number()),
    total: number(),
  }),
);
const roomSizesSchema = responseSchema<RoomSizes>()(
  object({ rooms: array(object({ room_id: string(), estimated_size: number() })) }),
);

/**
 * The Statistics API (`statistics.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/statistics.html
 */
export class StatisticsResource extends PagedResource {
  /**
   * How much media each local user uploaded: `await` gives the page at `from`,
   * iterating every user from there (following `next_token`).
   *
   * `GET /_synapse/admin/v1/statistics/users/media`
   * @see https://element-hq.github.io/synapse/latest/admin_api/statistics.html#users-media-usage-statistics
   */
  usersMedia(
    params: MediaUsageParams = {},
    options: RequestOptions = {},
  ): PagedList<MediaUsagePage, UserMediaUsage, number> {
    return this.pagedGet(
      {
        path: "/v1/statistics/users/media",
        query: (from) => ({
          from: from ?? params.from,
          limit: params.limit,
          order_by: params.orderBy,
          from_ts: params.fromTs,
          until_ts: params.untilTs,
          search_term: params.searchTerm,
          dir: params.dir,
        }),
        schema: usageSchema,
        items: (page) => page.users,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * The rooms taking the most database space (PostgreSQL only).
   *
   * `GET /_synapse/admin/v1/statistics/database/rooms`
   * @see https://element-hq.github.io/synapse/latest/admin_api/statistics.html#database-size-statistics
   */
  databaseRooms(options: RequestOptions = {}): Promise<RoomSizes> {
    return this.GET("/v1/statistics/database/rooms", { schema: roomSizesSchema }, options);
  }
}
