import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { BlastRadius } from "../../../src/api/blast-radius.ts";
import { type PolicyRule, policyEntityHash, policyGlob, policyRules } from "../../../src/api/policy-rules.ts";
import { defaultEvidenceDir, makeEvidenceDir } from "../../../src/cli/commands/incident/evidence.ts";
import { makePlan, parseItem, planItems, readPlan } from "../../../src/cli/commands/incident/plan.ts";

const account = (userId: string, joined: string[], media = 1) => ({
  user_id: userId,
  why: "matches @spam",
  details: {},
  whois: {},
  joined_rooms: joined,
  media: Array.from({ length: media }, (_, i) => ({ media_id: `m${i}` })),
});

// Only the fields the plan reads: the rest of each answer does not matter here.
const radius = {
  server_name: "example.org",
  accounts: [
    account("@spam1:example.org", ["!abuse:example.org", "!community:example.org"]),
    account("@spam2:example.org", ["!abuse:example.org"], 2),
  ],
  remote_accounts: ["@bot:evil.example"],
  excluded: [{ user_id: "@admin:example.org", reason: "a server admin" }],
  rooms: [
    {
      room_id: "!abuse:example.org",
      why: "created by @spam1:example.org",
      creator: "@spam1:example.org",
      details: { name: "FREE", creator: "@spam1:example.org" },
      state: [],
      members: [],
    },
  ],
  touched_rooms: ["!community:example.org"],
  invites: [
    {
      user_id: "@alice:example.org",
      room_id: "!abuse:example.org",
      sender: "@spam1:example.org",
      wave_room: true,
    },
    {
      user_id: "@bob:example.org",
      room_id: "!community:example.org",
      sender: "@spam1:example.org",
      wave_room: false,
    },
  ],
  reports: [
    {
      id: 7,
      event_id: "$e",
      room_id: "!community:example.org",
      sender: "@spam1:example.org",
      reason: "spam",
      event_json: {},
    },
  ],
} as unknown as BlastRadius;

const choices = { accounts: "deactivate", keepRooms: false, keepEvents: false } as const;

describe("incident plan", () => {
  it("deletes the wave's rooms (rejecting their invites), redacts elsewhere, rejects the other invites one by one", () => {
    const plan = makePlan(radius, choices, "https://hs", "/evidence");
    assert.deepEqual(plan.rooms[0]!.actions, [
      "remove-from-directory",
      "quarantine-media",
      "block",
      "delete",
      "purge",
    ]);
    assert.equal(plan.rooms[0]!.pending_invites, 1);
    assert.deepEqual(plan.accounts[0]!.actions, ["quarantine-media", "redact", "deactivate"]);
    assert.deepEqual(plan.accounts[0]!.redact_in, ["!community:example.org"]);
    assert.deepEqual(
      plan.accounts[1]!.actions,
      ["quarantine-media", "deactivate"],
      "nothing to redact in kept rooms",
    );
    assert.deepEqual(
      plan.invites.map((invite) => invite.user_id),
      ["@bob:example.org"],
    );
    assert.equal(plan.counts["invites_rejected_by_delete"], 1);
    assert.equal(plan.counts["media"], 3);
    assert.equal(plan.counts["reports"], 1);
    assert.deepEqual(planItems(plan), [
      "room !abuse:example.org remove-from-directory,quarantine-media,block,delete,purge",
      "account @spam1:example.org quarantine-media,redact,deactivate !community:example.org",
      "account @spam2:example.org quarantine-media,deactivate",
      "invite @bob:example.org !community:example.org",
    ]);
  });

  it("an invite found in the invitee's own sync is rejected one by one, and says where it came from", () => {
    const scanned = {
      ...radius,
      invites: [
        ...radius.invites,
        {
          user_id: "@carol:example.org",
          room_id: "!lure:evil.example",
          sender: "@bot:evil.example",
          wave_room: false,
          why: "sent by @bot:evil.example of evil.example, a seed server",
          found_in: "the invitee's sync",
        },
      ],
      invite_scan: {
        accounts: 40,
        checked: 39,
        failed: [{ user_id: "@x:example.org", error: "no" }],
        tokens_not_logged_out: [],
      },
    } as unknown as BlastRadius;
    const plan = makePlan(scanned, choices, "https://hs", "/e");
    assert.deepEqual(plan.invites.at(-1), {
      user_id: "@carol:example.org",
      room_id: "!lure:evil.example",
      sender: "@bot:evil.example",
      why: "sent by @bot:evil.example of evil.example, a seed server",
      found_in: "the invitee's sync",
      actions: ["reject"],
    });
    assert.equal(plan.counts["invites_found_in_the_invitees_sync"], 1);
    assert.equal(plan.counts["invites_rejected_by_login_as"], 2);
    assert.deepEqual(plan.invite_scan, {
      accounts: 40,
      checked: 39,
      failed: [{ user_id: "@x:example.org", error: "no" }],
      stopped: null,
    });
    assert.equal(planItems(plan).at(-1), "invite @carol:example.org !lure:evil.example");
    assert.equal(readPlan(JSON.stringify(plan), "plan.json").invites.length, 2, "read back as it is");
  });

  it("--keep-rooms blocks only, and rejects every invite one by one; erase deactivates too; none leaves accounts", () => {
    const plan = makePlan(
      radius,
      { accounts: "erase", keepRooms: true, keepEvents: true },
      "https://hs",
      "/e",
    );
    assert.deepEqual(plan.rooms[0]!.actions, ["remove-from-directory", "quarantine-media", "block"]);
    assert.equal(plan.invites.length, 2);
    assert.deepEqual(plan.accounts[0]!.actions, ["quarantine-media", "deactivate", "erase"]);
    const none = makePlan(radius, { ...choices, accounts: "none" }, "https://hs", "/e");
    assert.deepEqual(none.accounts[1]!.actions, ["quarantine-media"]);
  });

  it("each item says all it does, so a resumed run needs nothing else", () => {
    const plan = makePlan(radius, choices, "https://hs", "/e");
    const items = planItems(plan).map(parseItem);
    assert.deepEqual(items[1], {
      kind: "account",
      userId: "@spam1:example.org",
      actions: ["quarantine-media", "redact", "deactivate"],
      redactIn: ["!community:example.org"],
    });
    assert.deepEqual(items[3], {
      kind: "invite",
      userId: "@bob:example.org",
      roomId: "!community:example.org",
    });
    assert.throws(() => parseItem("purge everything"), /not an action of an incident plan/);
  });

  it("a plan read back is checked before anything is done; an edited one applies what is left", () => {
    const plan = makePlan(radius, choices, "https://hs", "/e");
    plan.accounts = plan.accounts.slice(1);
    plan.rooms[0]!.actions = ["block"];
    const back = readPlan(JSON.stringify(plan), "plan.json");
    assert.deepEqual(planItems(back), [
      "room !abuse:example.org block",
      "account @spam2:example.org quarantine-media,deactivate",
      "invite @bob:example.org !community:example.org",
    ]);
    assert.throws(() => readPlan("{", "p.json"), /p.json is not JSON/);
    assert.throws(() => readPlan("{}", "p.json"), /not an incident plan/);
    const bad = { ...plan, rooms: [{ ...plan.rooms[0], actions: ["nuke"] }] };
    assert.throws(() => readPlan(JSON.stringify(bad), "p.json"), /must be a list of/);
    const spaced = { ...plan, accounts: [{ ...plan.accounts[0], user_id: "@a b:x" }] };
    assert.throws(() => readPlan(JSON.stringify(spaced), "p.json"), /not a user ID/);
  });
});

describe("incident: policy room rules", () => {
  it("globs match whole IDs; hashes match the entity's SHA-256; revoked and non-ban rules are left out", () => {
    const rules = policyRules([
      {
        type: "m.policy.rule.user",
        state_key: "a",
        content: { entity: "@spam*:example.org", recommendation: "m.ban" },
      },
      {
        type: "m.policy.rule.server",
        state_key: "b",
        content: { entity: "evil.?xample", recommendation: "m.ban" },
      },
      {
        type: "m.policy.rule.user",
        state_key: "c",
        content: {
          hashes: { sha256: `${policyEntityHash("@hidden:example.org")}=` },
          recommendation: "m.ban",
        },
      },
      {
        type: "org.matrix.mjolnir.rule.room",
        state_key: "d",
        content: { entity: "#abuse:*", recommendation: "org.matrix.mjolnir.ban" },
      },
      { type: "m.policy.rule.user", state_key: "e", content: {} },
      {
        type: "m.policy.rule.user",
        state_key: "f",
        content: { entity: "@x:y", recommendation: "m.takedown-later" },
      },
      { type: "m.room.member", state_key: "@a:b", content: { membership: "join" } },
    ]);
    assert.deepEqual(
      rules.map((rule) => rule.kind),
      ["user", "server", "user", "room"],
    );
    const [users, servers, hashed, rooms] = rules as [PolicyRule, PolicyRule, PolicyRule, PolicyRule];
    assert.ok(users.matches("@spam42:example.org"));
    assert.ok(!users.matches("@spam42:example.org.evil"), "whole IDs only");
    assert.ok(!users.matches("@ham:example.org"));
    assert.ok(servers.matches("evil.example") && !servers.matches("evil..example"));
    assert.ok(hashed.matches("@hidden:example.org") && !hashed.matches("@other:example.org"));
    assert.ok(rooms.matches("#abuse:example.org"));
    assert.ok(policyGlob("a.b")("a.b") && !policyGlob("a.b")("axb"), "dots are literal");
  });
});

describe("incident evidence", () => {
  it("the default directory of a run in the same second as an earlier one is a new one", () => {
    const state = mkdtempSync(join(tmpdir(), "synadm-evidence-"));
    const now = new Date("2026-05-01T12:00:00.123Z");
    const first = defaultEvidenceDir(state, now);
    assert.equal(first, join(state, "synadm", "incidents", "incident-20260501T120000Z"));
    makeEvidenceDir(first);
    writeFileSync(join(first, "plan.json"), "{}");
    const second = defaultEvidenceDir(state, now);
    assert.equal(second, `${first}-2`);
    makeEvidenceDir(second);
    assert.equal(defaultEvidenceDir(state, now), `${first}-3`);
  });
});

describe("a redaction a killed run started", () => {
  it("is followed, not started again, when Synapse says one is in progress (its ID was never kept)", async () => {
    const { startOrFollowRedaction } = await import("../../../src/cli/commands/incident/contain.run.ts");
    const { SynapseAdmin } = await import("../../../src/api/synapse-admin.ts");
    const { FakeTransport } = await import("../../support/fake-transport.ts");
    const transport = new FakeTransport(
      {
        status: 400,
        json: { errcode: "M_UNKNOWN", error: "Redact already in progress for user @spam:example.org" },
      },
      {
        json: {
          scheduled_tasks: [
            {
              id: "RUNNING",
              action: "redact_all_events",
              status: "active",
              timestamp_ms: 1,
              resource_id: "@spam:example.org",
              result: null,
              error: null,
            },
          ],
        },
      },
    );
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    const job = await startOrFollowRedaction(
      admin,
      "@spam:example.org",
      ["!abuse:example.org"],
      new AbortController().signal,
    );
    assert.equal(job.id, "RUNNING");
    const [redact, tasks] = transport.requests;
    assert.equal(redact?.method, "POST");
    assert.match(String(tasks?.url), /\/v1\/scheduled_tasks\?/);
    const query = tasks!.url.searchParams;
    assert.equal(query.get("action_name"), "redact_all_events");
    assert.equal(query.get("resource_id"), "@spam:example.org");
    assert.deepEqual(query.getAll("status").sort(), ["active", "scheduled"]);
  });
});
