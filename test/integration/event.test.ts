import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { roomWithMessage, testServer } from "../support/server.ts";

const { synadm } = jsonSession();

describe("event", () => {
  it("event show fetches any event; a malformed ID is refused first", async () => {
    const { eventId } = await roomWithMessage(testServer().token, "find me");
    const shown = json<{ event: { event_id: string; content: { body: string } } }>(
      (await synadm("event", "show", eventId)).stdout,
    );
    assert.deepEqual([shown.event.event_id, shown.event.content.body], [eventId, "find me"]);
    assert.equal((await synadm("event", "show", "not-an-event")).code, 2);
  });
});
