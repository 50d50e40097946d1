import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findBlastRadius, findRemoteInvites } from "../../../src/api/blast-radius.ts";
import type { RoomId } from "../../../src/api/ids.ts";
import { policyEntityHash, policyRules } from "../../../src/api/policy-rules.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import type { HttpRequest, HttpResponse, Transport } from "../../../src/api/transport.ts";
import { clientEvent, eventReport, roomDetails, roomSummary, userSummary } from "../../support/fixtures.ts";

/** An answer other than 200 with JSON. */
class Status {
  readonly status: number;
  readonly json: unknown;
  constructor(status: number, json: unknown) {
    this.status = status;
    this.json = json;
  }
}

/**
 * A server made of routes: path (without the admin prefix) to JSON, or to a
 * function of the request answering JSON or a {@link Status}; 404 for the rest.
 */
class RoutedTransport implements Transport {
  readonly paths: string[] = [];
  readonly requests: HttpRequest[] = [];
  readonly routes: Record<string, unknown>;
  constructor(routes: Record<string, unknown>) {
    this.routes = routes;
  }
  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = decodeURIComponent(request.url.pathname.replace(/^\/_synapse\/admin|^\/_matrix/, ""));
    this.paths.push(path);
    this.requests.push(request);
    const route = this.routes[path];
    const json = typeof route === "function" ? route(request) : route;
    if (json === undefined)
      return { status: 404, headers: {}, body: JSON.stringify({ errcode: "M_NOT_FOUND", error: path }) };
    if (json instanceof Status)
      return {
        status: json.status,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(json.json),
      };
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

  describe("the invite scan: invites from a seed server to rooms this server is not in", () => {
    const stripped = (
      type: string,
      sender: string,
      stateKey = "",
      content: Record<string, unknown> = {},
    ) => ({
      type,
      state_key: stateKey,
      sender,
      content,
    });
    const invitedBy = (victim: string, sender: string, creator = sender) => ({
      invite_state: {
        events: [
          stripped("m.room.create", creator),
          stripped("m.room.name", creator, "", { name: "FREE CRYPTO" }),
          stripped("m.room.member", sender, victim, { membership: "invite" }),
        ],
      },
    });
    const tokenOf = (request: HttpRequest) => String(request.headers["authorization"]).replace("Bearer ", "");
    const inviteSyncs: Record<string, unknown> = {
      "tok-@alice:hs": {
        rooms: {
          invite: {
            "!lure:evil.example": invitedBy("@alice:hs", "@spam:evil.example"),
            "!chat:good.example": invitedBy("@alice:hs", "@friend:good.example"),
          },
        },
      },
      "tok-@bob:hs": {
        rooms: {
          invite: {
            // Room version 12: no server in the ID; the sender says, or the creator.
            "!v12byspam": invitedBy("@bob:hs", "@spam:evil.example"),
            "!v12relayed": invitedBy("@bob:hs", "@relay:good.example", "@spam:evil.example"),
            "!banned:rules.example": invitedBy("@bob:hs", "@x:rules.example"),
          },
        },
      },
      "tok-@erin:hs": {},
    };
    const scanRoutes = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      "/v2/users": {
        users: [
          userSummary({ name: "@alice:hs" }),
          userSummary({ name: "@bob:hs" }),
          userSummary({ name: "@erin:hs" }),
          userSummary({ name: "@gone:hs", deactivated: true }),
          userSummary({ name: "@locked:hs", locked: true }),
          userSummary({ name: "@guest:hs", is_guest: true }),
          userSummary({ name: "@admin:hs", admin: true }),
        ],
        total: 7,
      },
      "/v1/rooms": { rooms: [], offset: 0, total_rooms: 0 },
      "/v1/event_reports": { event_reports: [], total: 0 },
      ...Object.fromEntries(
        ["@alice:hs", "@bob:hs", "@erin:hs"].map((userId) => [
          `/v1/users/${userId}/login`,
          { access_token: `tok-${userId}` },
        ]),
      ),
      "/client/v3/sync": (request: HttpRequest) => inviteSyncs[tokenOf(request)],
      "/client/v3/logout": {},
      ...extra,
    });
    const serverRules = policyRules([
      {
        type: "m.policy.rule.server",
        state_key: "r",
        content: { recommendation: "m.ban", entity: "rules.*" },
      },
    ]);

    it("reads each local account's invites as the account, keeps those of the seed servers, logs every token out", async () => {
      const transport = new RoutedTransport(scanRoutes());
      const admin = new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport });
      const notes: string[] = [];
      const radius = await findBlastRadius(
        admin,
        { rooms: [], servers: ["evil.example"], userIds: [], rules: serverRules },
        { self: "@admin:hs", onNote: (note) => notes.push(note), inviteScan: { tokenLifetimeMs: 30_000 } },
      );
      assert.deepEqual(
        radius.invites.map((pending) => [pending.user_id, pending.room_id, pending.sender, pending.why]),
        [
          [
            "@bob:hs",
            "!banned:rules.example",
            "@x:rules.example",
            "sent by @x:rules.example of rules.example, banned by the policy rule server rules.*",
          ],
          [
            "@alice:hs",
            "!lure:evil.example",
            "@spam:evil.example",
            "sent by @spam:evil.example of evil.example, a seed server",
          ],
          [
            "@bob:hs",
            "!v12byspam",
            "@spam:evil.example",
            "sent by @spam:evil.example of evil.example, a seed server",
          ],
          [
            "@bob:hs",
            "!v12relayed",
            "@relay:good.example",
            "to a room created by @spam:evil.example of evil.example, a seed server",
          ],
        ],
      );
      assert.ok(
        radius.invites.every((pending) => pending.found_in === "the invitee's sync" && !pending.wave_room),
      );
      assert.deepEqual(
        radius.invites[1]!.invite_state?.[1]?.content,
        { name: "FREE CRYPTO" },
        "kept as evidence",
      );
      assert.deepEqual(radius.remote_accounts, [
        "@relay:good.example",
        "@spam:evil.example",
        "@x:rules.example",
      ]);
      assert.deepEqual(radius.invite_scan, {
        accounts: 3,
        checked: 3,
        failed: [],
        tokens_not_logged_out: [],
      });

      const logins = transport.requests.filter((request) => request.url.pathname.endsWith("/login"));
      assert.deepEqual(
        logins.map((request) => decodeURIComponent(request.url.pathname)).sort(),
        ["@alice:hs", "@bob:hs", "@erin:hs"].map((userId) => `/_synapse/admin/v1/users/${userId}/login`),
        "not the deactivated, locked, guest or searching accounts",
      );
      for (const login of logins) {
        const until = JSON.parse(String(login.body)).valid_until_ms as number;
        assert.ok(until > Date.now() && until <= Date.now() + 30_000, "a short-lived token");
      }
      const logouts = transport.requests.filter((request) => request.url.pathname.endsWith("/logout"));
      assert.deepEqual(logouts.map(tokenOf).sort(), ["tok-@alice:hs", "tok-@bob:hs", "tok-@erin:hs"]);
      const syncs = transport.requests.filter((request) => request.url.pathname.endsWith("/sync"));
      assert.ok(syncs.every((sync) => sync.url.searchParams.get("set_presence") === "offline"));
      assert.ok(syncs.every((sync) => sync.url.searchParams.get("timeout") === "0"));
      assert.equal(
        new Set(syncs.map((sync) => sync.url.searchParams.get("filter"))).size,
        3,
        "never a cached answer",
      );
      assert.ok(
        notes.some((note) => /of 3 local account\(s\) as each of them/.test(note)),
        notes.join("\n"),
      );
      assert.ok(
        notes.some((note) => /^4 invite\(s\) from the seed servers/.test(note)),
        notes.join("\n"),
      );
    });

    it("is not made unless asked, nor without a server seed or server rule", async () => {
      for (const [seeds, inviteScan] of [
        [{ rooms: [], servers: ["evil.example"], userIds: [], rules: [] }, undefined],
        [{ rooms: [], users: /^@nobody/, servers: [], userIds: [], rules: [] }, {}],
      ] as const) {
        const transport = new RoutedTransport(scanRoutes());
        const admin = new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport });
        const radius = await findBlastRadius(admin, seeds, {
          self: "@admin:hs",
          ...(inviteScan ? { inviteScan } : {}),
        });
        assert.ok(!transport.paths.some((path) => path.endsWith("/login")), "no login-as token");
        assert.equal(radius.invite_scan, null);
      }
    });

    it("with a session of the caller's (as under MAS): no login-as token, each session ended", async () => {
      const transport = new RoutedTransport(scanRoutes());
      const admin = new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport });
      const made: Array<[string, number]> = [];
      const ended: string[] = [];
      const found = await findRemoteInvites(admin, "@admin:hs", (invite) => invite.sender ?? undefined, {
        tokenLifetimeMs: 5_000,
        session: async (userId, validUntilMs) => {
          made.push([userId, validUntilMs]);
          return { accessToken: `tok-${userId}`, end: async () => void ended.push(userId) };
        },
      });
      assert.deepEqual(made.map(([userId]) => userId).sort(), ["@alice:hs", "@bob:hs", "@erin:hs"]);
      assert.ok(made.every(([, until]) => until <= Date.now() + 5_000));
      assert.deepEqual(ended.sort(), ["@alice:hs", "@bob:hs", "@erin:hs"]);
      assert.ok(!transport.paths.some((path) => path.endsWith("/login") || path.endsWith("/logout")));
      assert.equal(found.invites.length, 5, "every invite the judge keeps");
    });

    it("on a large server says how far it got", async () => {
      const many = Array.from({ length: 250 }, (_, n) => userSummary({ name: `@u${n}:hs` }));
      const transport = new RoutedTransport({
        "/v2/users": { users: many, total: many.length },
        ...Object.fromEntries(many.map((user) => [`/v1/users/${user.name}/login`, { access_token: "tok" }])),
        "/client/v3/sync": {},
        "/client/v3/logout": {},
      });
      const notes: string[] = [];
      const found = await findRemoteInvites(
        new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport }),
        "@admin:hs",
        () => "the wave's",
        { onNote: (note) => notes.push(note) },
      );
      assert.equal(found.outcome.checked, 250);
      assert.deepEqual(notes.slice(1), [
        "Invites read of 100 of 250 local account(s)...",
        "Invites read of 200 of 250 local account(s)...",
      ]);
      assert.match(notes[0]!, /^Reading the pending invites of 250 local account\(s\)/);
    });

    it("an account that cannot be read is said, a token not logged out too; many in a row stop the search", async () => {
      const transport = new RoutedTransport(
        scanRoutes({
          "/v1/users/@erin:hs/login": new Status(404, { errcode: "M_NOT_FOUND", error: "User not found" }),
          "/client/v3/logout": (request: HttpRequest) =>
            tokenOf(request) === "tok-@bob:hs"
              ? new Status(403, { errcode: "M_FORBIDDEN", error: "no" })
              : {},
        }),
      );
      const admin = new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport });
      const found = await findRemoteInvites(admin, "@admin:hs", () => "the wave's");
      assert.deepEqual(found.outcome.checked, 2);
      assert.deepEqual(
        found.outcome.failed.map((failure) => failure.user_id),
        ["@erin:hs"],
      );
      assert.deepEqual(
        found.outcome.tokens_not_logged_out.map((token) => token.user_id),
        ["@bob:hs"],
      );
      assert.equal(found.outcome.stopped, undefined);

      const many = Array.from({ length: 40 }, (_, n) => userSummary({ name: `@u${n}:hs` }));
      const refusing = new RoutedTransport({
        "/v2/users": { users: many, total: many.length },
        ...Object.fromEntries(
          many.map((user) => [
            `/v1/users/${user.name}/login`,
            new Status(404, { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" }),
          ]),
        ),
      });
      const refused = await findRemoteInvites(
        new SynapseAdmin({ baseUrl: "https://hs.example", accessToken: "t", transport: refusing }),
        "@admin:hs",
        () => "the wave's",
      );
      assert.match(refused.outcome.stopped ?? "", /could not be read/);
      assert.ok(
        refused.outcome.failed.length >= 10 && refused.outcome.failed.length < 20,
        `${refused.outcome.failed.length}`,
      );
      assert.equal(refused.outcome.checked, 0);
      assert.deepEqual(refused.invites, []);
    });
  });
});
