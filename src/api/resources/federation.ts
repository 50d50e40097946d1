import { array, exactOptional, nullable, number, object, string } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { PagedResource } from "./resource.ts";

/** Sort orders of the destination list. */
export const DESTINATION_ORDERS = [
  "destination",
  "retry_last_ts",
  "retry_interval",
  "failure_ts",
  "last_successful_stream_ordering",
] as const;

/** A remote server's retry state. */
export interface Destination {
  destination: string;
  retry_last_ts: number;
  retry_interval: number;
  failure_ts: number | null;
  last_successful_stream_ordering: number | null;
}

/** One page of federation destinations. */
export interface DestinationListPage {
  destinations: Destination[];
  /** Where the next page starts; absent on the last page. */
  next_token?: string;
  total: number;
}

/** A room shared with a destination. */
export interface DestinationRoom {
  room_id: string;
  stream_ordering: number;
}

/** One page of the rooms shared with a destination. */
export interface DestinationRoomsPage {
  rooms: DestinationRoom[];
  /** Where the next page starts; absent on the last page. */
  next_token?: string;
  total: number;
}

const destinationSchema = responseSchema<Destination>()(
  object({
    destination: string(),
    retry_last_ts: number(),
    retry_interval: number(),
    failure_ts: nullable(number()),
    last_successful_stream_ordering: nullable(number()),
  }),
);
const listSchema = responseSchema<DestinationListPage>()(
  object({ destinations: array(destinationSchema), next_token: exactOptional(string()), total: number() }),
);
const roomsSchema = responseSchema<DestinationRoomsPage>()(
  object({
    rooms: array(object({ room_id: string(), stream_ordering: number() })),
    next_token: exactOptional(string()),
    total: number(),
  }),
);

/**
 * The Federation API (`usage-federation.md`): the servers this one talks to.
 * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html
 */
export class FederationResource extends PagedResource {
  /**
   * The federation destinations: `await` gives the page at `from`, iterating
   * every destination from there (following `next_token`).
   *
   * `GET /_synapse/admin/v1/federation/destinations`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#list-of-destinations
   */
  destinations(
    params: {
      from?: number;
      limit?: number;
      orderBy?: (typeof DESTINATION_ORDERS)[number];
      dir?: "f" | "b";
    } = {},
    options: RequestOptions = {},
  ): PagedList<DestinationListPage, Destination, string> {
    return this.pagedGet(
      {
        path: "/v1/federation/destinations",
        query: (from) => ({
          from: from ?? params.from,
          limit: params.limit,
          order_by: params.orderBy,
          dir: params.dir,
        }),
        schema: listSchema,
        items: (page) => page.destinations,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * One destination's retry state.
   *
   * `GET /_synapse/admin/v1/federation/destinations/<destination>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#destination-details-api
   */
  destination(destination: string, options: RequestOptions = {}): Promise<Destination> {
    return this.GET(path`/v1/federation/destinations/${destination}`, { schema: destinationSchema }, options);
  }

  /**
   * The rooms shared with a destination: `await` gives the page at `from`,
   * iterating every room from there (following `next_token`).
   *
   * `GET /_synapse/admin/v1/federation/destinations/<destination>/rooms`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#destination-rooms
   */
  destinationRooms(
    destination: string,
    params: { from?: number; limit?: number; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): PagedList<DestinationRoomsPage, DestinationRoom, string> {
    return this.pagedGet(
      {
        path: path`/v1/federation/destinations/${destination}/rooms`,
        query: (from) => ({ from: from ?? params.from, limit: params.limit, dir: params.dir }),
        schema: roomsSchema,
        items: (page) => page.rooms,
        nextCursor: (page) => page.next_token,
      },
      options,
    );
  }

  /**
   * Retries a failing destination now instead of waiting out its backoff.
   *
   * `POST /_synapse/admin/v1/federation/destinations/<destination>/reset_connection`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#reset-connection-timeout
   */
  resetConnection(destination: string, options: RequestOptions = {}): Promise<EmptyAnswer> {
    return this.POST(
      path`/v1/federation/destinations/${destination}/reset_connection`,
      { body: {}, schema: emptyAnswerSchema },
      options,
    );
  }
}
