import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { Resource } from "./resource.ts";

/** Sort orders of the destination list. */
export const DESTINATION_ORDERS = [
  "destination",
  "retry_last_ts",
  "retry_interval",
  "failure_ts",
  "last_successful_stream_ordering",
] as const;

/**
 * The Federation API (`usage-federation.md`): the servers this one talks to.
 * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html
 */
export class FederationResource extends Resource {
  /**
   * A page of federation destinations.
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
  ): Promise<{ destinations: Array<Record<string, unknown>>; total: number; next_token?: string }> {
    const query = { from: params.from, limit: params.limit, order_by: params.orderBy, dir: params.dir };
    return this.http.request({ ...options, method: "GET", path: "/v1/federation/destinations", query });
  }

  /**
   * One destination's retry state.
   *
   * `GET /_synapse/admin/v1/federation/destinations/<destination>`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#destination-details-api
   */
  destination(destination: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.http.request({
      ...options,
      method: "GET",
      path: path`/v1/federation/destinations/${destination}`,
    });
  }

  /**
   * The rooms shared with a destination.
   *
   * `GET /_synapse/admin/v1/federation/destinations/<destination>/rooms`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#destination-rooms
   */
  destinationRooms(
    destination: string,
    params: { from?: number; limit?: number; dir?: "f" | "b" } = {},
    options: RequestOptions = {},
  ): Promise<{ rooms: Array<Record<string, unknown>>; total: number; next_token?: string }> {
    const query = { from: params.from, limit: params.limit, dir: params.dir };
    return this.http.request({
      ...options,
      method: "GET",
      path: path`/v1/federation/destinations/${destination}/rooms`,
      query,
    });
  }

  /**
   * Retries a failing destination now instead of waiting out its backoff.
   *
   * `POST /_synapse/admin/v1/federation/destinations/<destination>/reset_connection`
   * @see https://element-hq.github.io/synapse/latest/usage/administration/admin_api/federation.html#reset-connection-timeout
   */
  resetConnection(destination: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.http.request({
      ...options,
      method: "POST",
      path: path`/v1/federation/destinations/${destination}/reset_connection`,
      body: {},
    });
  }
}
