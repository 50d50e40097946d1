import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, clientApi, testServer } from "../support/server.ts";

const { synadm } = jsonSession();
const enc = encodeURIComponent;

describe("history", () => {
  it("purge removes old messages and follows the purge; purge-status reads it", async () => {
    const roomId = (
      (await clientApi(testServer().token, "POST", "/createRoom", {})).json as { room_id: string }
    ).room_id;
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await clientApi(
        testServer().token,
        "PUT",
        `/rooms/${enc(roomId)}/send/m.room.message/h${i}`,
        {
          msgtype: "m.text",
          body: `old ${i}`,
        },
      );
      sent.push((result.json as { event_id: string }).event_id);
    }
    const refused = await synadm("history", "purge", roomId, "-i", sent[2]!);
    assert.equal(refused.code, 10);
    const result = await synadm("--batch", "history", "purge", roomId, "-i", sent[2]!, "--delete-local");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /History purge .*: complete/);
    const { purge_id, status } = json<{ purge_id: string; status: string }>(result.stdout);
    assert.equal(status, "complete");
    assert.deepEqual(json((await synadm("history", "purge-status", purge_id)).stdout), {
      status: "complete",
    });
    const messages = (await adminApi("GET", `/v1/rooms/${enc(roomId)}/messages?dir=b&limit=50`)).json as {
      chunk: Array<{ event_id: string }>;
    };
    const left = messages.chunk.map((event) => event.event_id);
    assert.ok(!left.includes(sent[0]!) && !left.includes(sent[1]!), "the older messages are gone");
    const noWait = await synadm("--batch", "history", "purge", roomId, "-d", "0", "--no-wait");
    assert.match(json<{ purge_id: string }>(noWait.stdout).purge_id, /\S+/);
    // Synapse 1.160 keeps local events without --delete-local: no warning (see test/unit/commands/history.test.ts).
    assert.doesNotMatch(noWait.stderr, /Warning/);
  });
});
