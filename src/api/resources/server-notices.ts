import { object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { checkUserId, type UserId } from "../ids.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** What to send: message content, or another event type (a state event with `stateKey`). */
export interface ServerNotice {
  content: Record<string, unknown>;
  /** Event type (default `m.room.message`). */
  type?: string;
  /** Makes it a state event. */
  stateKey?: string;
  /** Sends with PUT and this transaction ID, so a retry is not sent twice. */
  txnId?: string;
}

const eventIdSchema = responseSchema<{ event_id: string }>()(object({ event_id: string() }));

/**
 * The Server Notices API (`server_notices.md`); needs `server_notices` in the homeserver configuration.
 * @see https://element-hq.github.io/synapse/latest/admin_api/server_notices.html
 */
export class ServerNoticesResource extends Resource {
  /**
   * Sends a notice to a local user, in their server-notices room.
   *
   * `POST /_synapse/admin/v1/send_server_notice` or `PUT /_synapse/admin/v1/send_server_notice/{txnId}`
   * @see https://element-hq.github.io/synapse/latest/admin_api/server_notices.html
   */
  async send(
    userId: UserId,
    notice: ServerNotice,
    options: RequestOptions = {},
  ): Promise<{ event_id: string }> {
    checkUserId(userId);
    const body: Record<string, unknown> = { user_id: userId, content: notice.content };
    if (notice.type !== undefined) body["type"] = notice.type;
    if (notice.stateKey !== undefined) body["state_key"] = notice.stateKey;
    return notice.txnId === undefined
      ? this.POST("/v1/send_server_notice", { body, schema: eventIdSchema }, options)
      : this.PUT(path`/v1/send_server_notice/${notice.txnId}`, { body, schema: eventIdSchema }, options);
  }
}
