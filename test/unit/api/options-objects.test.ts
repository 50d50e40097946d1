// One options object per call, in camelCase: what each call sends is Synapse's
// snake_case body or query, checked on the wire.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventId, roomId, userId } from "../../../src/api/ids.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import type { HttpRequest } from "../../../src/api/transport.ts";
import { FakeTransport } from "../../support/fake-transport.ts";

const alice = userId("@alice:example.org");
const lobby = roomId("!lobby:example.org");

/** The one request `call` makes, answered with `json`. */
async function sent(json: unknown, call: (admin: SynapseAdmin) => Promise<unknown>): Promise<HttpRequest> {
  const transport = new FakeTransport({ json });
  const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
  await call(admin);
  assert.equal(transport.requests.length, 1);
  return transport.requests[0]!;
}

const body = (request: HttpRequest) => JSON.parse(request.body ?? "null") as unknown;
const query = (request: HttpRequest) => Object.fromEntries(request.url.searchParams);

describe("options objects", () => {
  it("map the users' options to Synapse's fields", async () => {
    const unbind = { id_server_unbind_result: "success" };
    assert.deepEqual(body(await sent(unbind, (a) => a.users.deactivate(alice))), { erase: false });
    assert.deepEqual(body(await sent(unbind, (a) => a.users.deactivate(alice, { erase: true }))), {
      erase: true,
    });
    const suspended = { "user_@alice:example.org_suspended": true };
    assert.deepEqual(body(await sent(suspended, (a) => a.users.setSuspended(alice, { suspended: true }))), {
      suspend: true,
    });
    assert.deepEqual(body(await sent({}, (a) => a.users.resetPassword(alice, { newPassword: "pw" }))), {
      new_password: "pw",
      logout_devices: true,
    });
    assert.deepEqual(
      body(await sent({}, (a) => a.users.resetPassword(alice, { newPassword: "pw", logoutDevices: false }))),
      { new_password: "pw", logout_devices: false },
    );
    assert.deepEqual(body(await sent({}, (a) => a.users.setAdmin(alice, { admin: true }))), { admin: true });
    const token = { access_token: "x" };
    assert.deepEqual(body(await sent(token, (a) => a.users.loginAs(alice, { validUntilMs: 5 }))), {
      valid_until_ms: 5,
    });
    assert.deepEqual(body(await sent(token, (a) => a.users.loginAs(alice))), {});
    const limit = { messages_per_second: 1, burst_count: 2 };
    assert.deepEqual(
      body(await sent(limit, (a) => a.users.setRateLimit(alice, { messagesPerSecond: 1, burstCount: 2 }))),
      limit,
    );
    const count = await sent({ invite_count: 0 }, (a) => a.users.sentInviteCount(alice, { fromTs: 7 }));
    assert.deepEqual(query(count), { from_ts: "7" });
  });

  it("map the rooms', purges', tokens' and background updates' options", async () => {
    assert.deepEqual(body(await sent({ block: true }, (a) => a.rooms.setBlocked(lobby, { blocked: true }))), {
      block: true,
    });
    const shutdown = {
      kicked_users: [],
      failed_to_kick_users: [],
      local_aliases: [],
      new_room_id: null,
    };
    const deletion = { newRoomUserId: alice, roomName: "n", forcePurge: true, purge: true };
    assert.deepEqual(body(await sent(shutdown, (a) => a.rooms.deleteNow(lobby, deletion))), {
      new_room_user_id: alice,
      room_name: "n",
      purge: true,
      force_purge: true,
    });
    const at = await sent({ event_id: "$e", origin_server_ts: 1 }, (a) =>
      a.rooms.timestampToEvent(lobby, { ts: 3, dir: "b" }),
    );
    assert.deepEqual(query(at), { ts: "3", dir: "b" });
    const purge = await sent({ purge_id: "p" }, (a) =>
      a.purgeHistory.purge(lobby, { beforeEventId: eventId("$e"), deleteLocalEvents: true }).started(),
    );
    assert.deepEqual(body(purge), { purge_up_to_event_id: "$e", delete_local_events: true });
    const tokenAnswer = { token: "t", uses_allowed: 3, pending: 0, completed: 0, expiry_time: null };
    assert.deepEqual(
      body(await sent(tokenAnswer, (a) => a.registrationTokens.create({ usesAllowed: 3, expiryTime: null }))),
      { uses_allowed: 3, expiry_time: null },
    );
    assert.deepEqual(
      body(await sent(tokenAnswer, (a) => a.registrationTokens.update("t", { usesAllowed: null }))),
      { uses_allowed: null },
    );
    const list = await sent({ registration_tokens: [] }, (a) => a.registrationTokens.list({ valid: true }));
    assert.deepEqual(query(list), { valid: "true" });
    assert.deepEqual(
      body(await sent({ enabled: false }, (a) => a.backgroundUpdates.setEnabled({ enabled: false }))),
      { enabled: false },
    );
    assert.deepEqual(
      body(await sent({}, (a) => a.backgroundUpdates.startJob("event_resign", { oldKey: "k", beforeTs: 9 }))),
      { job_name: "event_resign", old_key: "k", before_ts: 9 },
    );
  });
});
