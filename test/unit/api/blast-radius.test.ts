import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findBlastRadius } from "../../../src/api/blast-radius.ts";
import type { RoomId } from "../../../src/api/ids.ts";
import { policyEntityHash, policyRules } from "../../../src/api/policy-rules.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import type { HttpRequest, HttpResponse, Transport } from "../../../src/api/transport.ts";
import { clientEvent, eventReport, roomDetails, roomSummary, userSummary } from "../../support/fixtures.ts";

/** A server made of routes: path (without the admin prefix) to JSON; 404 for the rest. */
class RoutedTransport implements Transport {
  readonly paths: string[] = [];
  readonly routes: Record<string, unknown>;
  constructor(routes: Record<string, unknown>) {
    this.routes = routes;
  }
  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = decodeURIComponent(request.url.pathname.replace(/^\/_synapse\/admin|^\/_matrix/, ""));
    this.paths.push(path);
    const json = this.routes[path];
    if (json === undefined)
      return { status: 404, headers: {}, body: JSON.stringify({ errcode: "M_NOT_FOUND", error: path }) };
    return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(json) };
  }
}

const room = (roomId: RoomId, creator: string, alias: string | null = null) =>
  roomSummary({ room_id: roomId, creator, canonical_alias: alias });
const details = (roomId: RoomId, creator: string, alias: string | null = null) =>
  roomDetails({ room_id: roomId, creator, canonical_alias: alias });
const invite = (victim: string, sender: string) =>
  clientEvent({ type: "m.room.member", state_key: victim, sender, content: { membership: "invite" } });

const routes: Record<string, unknown> = {
  "/v2/users": { users: [userSummary({ name: "@alice:hs", creation_ts: 1 })], total: 1 },
  "/v1/rooms": {
    rooms: [
      room("!remote:evil.example", "@bot:evil.example"),
      room("!listed:hs", "@alice:hs", "#casino:hs"),
      room("!fine:hs", "@alice:hs"),
    ],
    offset: 0,
    total_rooms: 3,
  },
  "/v1/rooms/!remote:evil.example": {
    ...details("!remote:evil.example", "@bot:evil.example"),
    topic: "free",
  },
  "/v1/rooms/!listed:hs": details("!listed:hs", "@alice:hs", "#casino:hs"),
  "/v1/rooms/!remote:evil.example/state": {
    state: [invite("@alice:hs", "@bot:evil.example"), invite("@carol:other.example", "@bot:evil.example")],
  },
  "/v1/rooms/!remote:evil.example/members": { members: ["@bot:evil.example"], total: 1 },
  "/v1/rooms/!listed:hs/state": { state: [invite("@bob:hs", "@alice:hs")] },
  "/v1/rooms/!listed:hs/members": { members: ["@alice:hs"], total: 1 },
  "/v1/event_reports": {
    event_reports: [
      eventReport({ id: 1, room_id: "!fine:hs", sender: "@bot:evil.example", event_id: "$a" }),
      eventReport({ id: 2, room_id: "!fine:hs", sender: "@alice:hs", event_id: "$b" }),
    ],
    total: 2,
  },
  "/v1/event_reports/1": { ...eventReport({ id: 1 }), event_json: { type: "m.room.message" } },
};

describe("findBlastRadius", () => {
  it("from a remote server and a hashed room rule: their rooms, the invites to local users, the reports", async () => {
    const transport = new RoutedTransport(routes);
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport });
    const rules = policyRules([
      {
        type: "m.policy.rule.room",
        state_key: "x",
        content: { recommendation: "m.ban", hashes: { sha256: policyEntityHash("#casino:hs") } },
      },
    ]);
    const notes: string[] = [];
    const radius = await findBlastRadius(
      admin,
      { rooms: [], servers: ["evil.example"], userIds: [], rules },
      { self: "@admin:hs", onNote: (note) => notes.push(note) },
    );
    assert.deepEqual(radius.accounts, [], "nothing local: no account, and alice is not on any list");
    assert.deepEqual(radius.remote_accounts, ["@bot:evil.example"]);
    assert.deepEqual(
      radius.rooms.map((wave) => [wave.room_id, wave.why]),
      [
        ["!listed:hs", "banned by the policy rule room sha256:" + policyEntityHash("#casino:hs")],
        ["!remote:evil.example", "created by @bot:evil.example of evil.example"],
      ],
    );
    assert.deepEqual(
      radius.invites.map((pending) => pending.user_id),
      ["@bob:hs", "@alice:hs"],
      "local victims only; in the wave's rooms every pending invite counts",
    );
    assert.deepEqual(
      radius.reports.map((report) => report.id),
      [1],
    );
    assert.equal(radius.rooms[1]!.details.topic, "free", "the wave's rooms in full, for the evidence");
    assert.match(notes[0]!, /0 local account/);
    assert.ok(!transport.paths.some((path) => path.includes("whoami")), "self given: not asked");
  });

  it("from a remote server as Synapse records its rooms (no creator): the create event's sender, its joined rooms' invites", async () => {
    const create = (sender: string) => clientEvent({ type: "m.room.create", state_key: "", sender });
    const transport = new RoutedTransport({
      "/v1/rooms": {
        rooms: [
          room("!lure:evil.example", ""),
          room("!elsewhere:good.example", ""),
          room("!community:hs", "@alice:hs"),
        ],
        offset: 0,
        total_rooms: 3,
      },
      "/v1/rooms/!lure:evil.example": details("!lure:evil.example", ""),
      "/v1/rooms/!lure:evil.example/state": {
        state: [create("@bot:evil.example"), invite("@bob:hs", "@bot:evil.example")],
      },
      "/v1/rooms/!lure:evil.example/members": { members: ["@bot:evil.example", "@curious:hs"], total: 2 },
      "/v1/users/@bot:evil.example/joined_rooms": { joined_rooms: ["!lure:evil.example"], total: 1 },
      // Known only as the sender of a reported event; it joined the local community and invited carol there.
      "/v1/users/@spam:evil.example/joined_rooms": { joined_rooms: ["!community:hs"], total: 1 },
      "/v1/rooms/!community:hs/state": {
        state: [invite("@carol:hs", "@spam:evil.example"), invite("@dave:hs", "@alice:hs")],
      },
      "/v1/event_reports": {
        event_reports: [
          eventReport({ id: 3, room_id: "!community:hs", sender: "@spam:evil.example", event_id: "$c" }),
        ],
        total: 1,
      },
      "/v1/event_reports/3": { ...eventReport({ id: 3 }), event_json: { type: "m.room.message" } },
    });
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport });
    const radius = await findBlastRadius(
      admin,
      { rooms: [], servers: ["evil.example"], userIds: [], rules: [] },
      { self: "@admin:hs" },
    );
    assert.deepEqual(
      radius.rooms.map((wave) => [wave.room_id, wave.creator, wave.why]),
      [["!lure:evil.example", "@bot:evil.example", "created by @bot:evil.example of evil.example"]],
    );
    assert.ok(
      !transport.paths.includes("/v1/rooms/!elsewhere:good.example/state"),
      "a room whose ID names another server is not read",
    );
    assert.deepEqual(radius.touched_rooms, ["!community:hs"]);
    assert.deepEqual(
      radius.invites.map((pending) => [pending.user_id, pending.room_id, pending.wave_room]),
      [
        ["@carol:hs", "!community:hs", false],
        ["@bob:hs", "!lure:evil.example", true],
      ],
      "in a room the wave joined, only its own invites",
    );
    assert.deepEqual(radius.remote_accounts, ["@bot:evil.example", "@spam:evil.example"]);
    assert.deepEqual(
      radius.reports.map((report) => report.id),
      [3],
    );
  });
});
