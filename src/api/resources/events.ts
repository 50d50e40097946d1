import { exactOptional, number, object, record, string, unknown } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { checkEventId, type EventId } from "../ids.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** An event as the Fetch Event API returns it. */
export interface FetchedEvent {
  event: {
    /** Absent where the room version's events carry no ID of their own (the ID is their hash). */
    event_id?: string;
    room_id: string;
    sender: string;
    type: string;
    content: Record<string, unknown>;
    origin_server_ts: number;
  };
}

const fetchedSchema = responseSchema<FetchedEvent>()(
  object({
    event: object({
      event_id: exactOptional(string()),
      room_id: string(),
      sender: string(),
      type: string(),
      content: record(string(), unknown()),
      origin_server_ts: number(),
    }),
  }),
);

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
  async get(eventId: EventId, options: RequestOptions = {}): Promise<FetchedEvent> {
    checkEventId(eventId);
    return this.GET(path`/v1/fetch_event/${eventId}`, { schema: fetchedSchema }, options);
  }
}
