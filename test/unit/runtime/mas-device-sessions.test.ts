// Ending the MAS sessions of a user's Matrix devices, against the MAS stand-in
// in process: which sessions stand for a device, and that nothing else ends.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CommandContext } from "../../../src/cli/runtime/context.ts";
import { deviceSessionEnder, endDeviceSessionsInMas } from "../../../src/cli/runtime/mas-accounts.ts";
import { inProcessMas } from "../../support/mas-in-process.ts";

const CLIENT = "01J0000000000000000000C11E";

describe("ending the MAS sessions of devices", () => {
  it("finishes the active compat sessions of the devices and the OAuth 2.0 sessions naming them", async () => {
    const { mas, standIn } = inProcessMas();
    const alice = standIn.seedUser("alice");
    const bob = standIn.seedUser("bob");
    const compat = (user: string, device: string | null, finished: string | null = null) =>
      standIn.seed("compat-sessions", { user_id: user, device_id: device, finished_at: finished });
    const oauth2 = (user: string, scope: string) =>
      standIn.seed("oauth2-sessions", { user_id: user, client_id: CLIENT, scope, finished_at: null });
    const ending = [
      compat(alice, "DEV1"),
      compat(alice, "DEV2"),
      oauth2(alice, "openid urn:matrix:client:api:* urn:matrix:client:device:DEV1"),
      oauth2(alice, "urn:matrix:org.matrix.msc2967.client:device:DEV2"),
    ];
    const staying = [
      compat(alice, "DEV3"),
      compat(alice, null),
      oauth2(alice, "urn:matrix:client:api:* urn:matrix:client:device:DEV3"),
      // A device ID that only starts like one of them.
      oauth2(alice, "urn:matrix:client:device:DEV10"),
      compat(bob, "DEV1"),
      oauth2(bob, "urn:matrix:client:device:DEV1"),
    ];
    const finishedBefore = compat(alice, "DEV1", "2026-07-01T00:00:00Z");

    assert.equal(await endDeviceSessionsInMas(mas, alice, ["DEV1", "DEV2"]), ending.length);
    const record = (id: string) =>
      standIn.record("compat-sessions", id) ?? standIn.record("oauth2-sessions", id);
    for (const id of ending) assert.ok(record(id)?.["finished_at"], `${id} is finished`);
    for (const id of staying) assert.equal(record(id)?.["finished_at"], null, `${id} stays`);
    assert.equal(record(finishedBefore)?.["finished_at"], "2026-07-01T00:00:00Z");
    assert.equal(await endDeviceSessionsInMas(mas, alice, ["DEV1", "DEV2"]), 0, "none left to end");
    assert.equal(await endDeviceSessionsInMas(mas, alice, []), 0);
    assert.deepEqual(standIn.violations, []);
  });

  it("finds the account once; a user MAS does not know has none, said once", async () => {
    const { mas, standIn } = inProcessMas();
    const alice = standIn.seedUser("alice");
    standIn.seed("compat-sessions", { user_id: alice, device_id: "DEV1", finished_at: null });
    standIn.seed("compat-sessions", { user_id: alice, device_id: "DEV2", finished_at: null });
    const notes: string[] = [];
    const context = {
      mas: async () => mas,
      note: (line: string) => notes.push(line),
    } as unknown as CommandContext;

    const endForAlice = deviceSessionEnder(context, "@alice:example.org");
    assert.equal(await endForAlice(["DEV1"]), 1);
    assert.equal(await endForAlice(["DEV2"]), 1);
    const lookups = standIn.requests.filter((r) => r.operationId === "getUserByUsername");
    assert.equal(lookups.length, 1);

    const endForNobody = deviceSessionEnder(context, "@nobody:example.org");
    assert.equal(await endForNobody(["DEV1"]), 0);
    assert.equal(await endForNobody(["DEV2"]), 0);
    assert.deepEqual(notes, ["MAS has no user nobody (for @nobody:example.org): no MAS sessions to end."]);
    assert.deepEqual(standIn.violations, []);
  });
});
