import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { Resource } from "./resource.ts";

/** An event as the Fetch Event API returns it. */
export interface FetchedEvent {
  event: {
    event_id: string;
    room_id: string;
    sender: string;
    type: string;
    content: Record<string, unknown>;
    origin_server_ts: number;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

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
  get(eventId: string, options: RequestOptions = {}): Promise<FetchedEvent> {
    return this.GET(path`/v1/fetch_event/${eventId}`, {}, options);
  }
}
