import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { Resource } from "./resource.ts";

/**
 * The Fetch Event API (`fetch_event.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/fetch_event.html
 */
export class EventsResource extends Resource {
  /**
   * An event by its ID, whatever room it is in.
   *
   * `GET /_synapse/admin/v1/fetch_event/<event_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/fetch_event.html
   */
  get(eventId: string, options: RequestOptions = {}): Promise<{ event: Record<string, unknown> }> {
    return this.http.request({ ...options, method: "GET", path: path`/v1/fetch_event/${eventId}` });
  }
}
