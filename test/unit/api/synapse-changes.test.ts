// What later Synapse releases changed, on the library side: repeated
// scheduled-task filters (1.160), the power of room creators from room
// version 12, and comparing a server's version with a release.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { creatorsHavePower, powerfulCreators } from "../../../src/api/resources/rooms.ts";
import { versionBefore } from "../../../src/api/resources/version.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";

describe("scheduled tasks with several actions and states (Synapse 1.160)", () => {
  it("sends each value as one more parameter of the same name, and one value as before", async () => {
    const transport = new FakeTransport({ json: { scheduled_tasks: [] } }, { json: { scheduled_tasks: [] } });
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    await admin.scheduledTasks.list({ actionName: ["a", "b"], status: ["failed", "active"] });
    await admin.scheduledTasks.list({ actionName: "a", status: "failed" });
    assert.deepEqual(
      transport.requests.map((request) => request.url.search),
      ["?action_name=a&action_name=b&status=failed&status=active", "?action_name=a&status=failed"],
    );
  });
});

describe("room creators with unlimited power (MSC4289, room version 12)", () => {
  const create = (version: string | undefined, additional?: unknown) => ({
    type: "m.room.create",
    state_key: "",
    sender: "@alice:x",
    content: {
      ...(version === undefined ? {} : { room_version: version }),
      ...(additional === undefined ? {} : { additional_creators: additional }),
    },
  });

  it("applies from room version 12, and to org.matrix.hydra.11", () => {
    assert.deepEqual(
      ["1", "11", "12", "13", "org.matrix.hydra.11", "org.matrix.msc3757.11"].map(creatorsHavePower),
      [false, false, true, true, true, false],
    );
  });

  it("are the create event's sender and its additional creators, once each", () => {
    assert.deepEqual(powerfulCreators([create("12", ["@bob:x", "@alice:x", 7])]), ["@alice:x", "@bob:x"]);
    assert.deepEqual(powerfulCreators([{ type: "m.room.name", state_key: "" }, create("12")]), ["@alice:x"]);
  });

  it("are none in older rooms, in a room version 1 create event, or without a create event", () => {
    assert.equal(powerfulCreators([create("11", ["@bob:x"])]), undefined);
    assert.equal(powerfulCreators([create(undefined)]), undefined);
    assert.equal(powerfulCreators([]), undefined);
  });
});

describe("versionBefore", () => {
  it("compares release numbers, whatever follows them", () => {
    assert.equal(versionBefore("1.155.0", "1.156"), true);
    assert.equal(versionBefore("1.156.0", "1.156"), false);
    assert.equal(versionBefore("1.156.0rc1", "1.156"), false);
    assert.equal(versionBefore("1.160.0 (b=develop, abc)", "1.156"), false);
    assert.equal(versionBefore("1.99.0", "1.156"), true);
    assert.equal(versionBefore("2.0.0", "1.156"), false);
    assert.equal(versionBefore("1.156.0", "1.156.1"), true);
    assert.equal(versionBefore("dev", "1.156"), undefined);
  });
});
