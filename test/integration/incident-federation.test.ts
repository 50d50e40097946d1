// `incident contain --server` against a real remote server: two Synapses started
// here, federating over loopback (the usual test server is not used). Spam
// accounts of B make rooms that a user of A joined, invite A's users there and
// into A's own room, and spam that room; the built CLI, run against A, finds
// what A can see of B's wave and contains it on A.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type CliResult, homeWithConfig, runCli } from "../support/cli.ts";
import {
  type FederatingPair,
  joinedMembers,
  ok,
  type ServerApi,
  serverApi,
  startFederatingPair,
  waitUntil,
} from "../support/federation.ts";

const enc = encodeURIComponent;
let pair: FederatingPair;
let A: ServerApi;
let B: ServerApi;
let home = "";
const started = Date.now();
let startMs = 0;

before(async () => {
  pair = await startFederatingPair();
  startMs = Date.now() - started;
  A = serverApi(pair.a);
  B = serverApi(pair.b);
  home = homeWithConfig(
    [`base_url: ${pair.a.baseUrl}`, `token: ${pair.a.adminToken}`, "format: json", ""].join("\n"),
  );
});
after(async () => {
  const stopping = Date.now();
  await pair?.stop();
  const end = Date.now();
  process.stderr.write(
    `incident-federation: ${end - started} ms (both servers started in ${startMs} ms, stopped in ${end - stopping} ms)\n`,
  );
});

interface Plan {
  counts: Record<string, number>;
  rooms: Array<{ room_id: string; why: string; creator: unknown; actions: string[] }>;
  accounts: unknown[];
  invites: Array<{ user_id: string; room_id: string; sender: string }>;
  reports: Array<{ event_id: unknown; sender: unknown }>;
  remote_accounts: string[];
  excluded: unknown[];
}

interface Report {
  failed: unknown[];
  done: Record<string, number>;
  total: number;
}

async function run(...args: string[]): Promise<CliResult> {
  const result = await runCli(["-o", "json", "--batch", "incident", "contain", ...args], {
    home,
    timeoutMs: 120_000,
  });
  assert.equal(result.code, 0, `incident contain ${args.join(" ")}: ${result.stderr}`);
  return result;
}

/** A run's JSON output: the plan of a dry run, or the report. */
async function contain(...args: string[]): Promise<Plan & Report> {
  return JSON.parse((await run(...args)).stdout);
}

/** Joins a room of the other server as `token`'s owner, through `via`. */
async function join(api: ServerApi, token: string, roomId: string, via: string): Promise<void> {
  ok(
    await api.client(token, "POST", `/join/${enc(roomId)}?server_name=${enc(via)}&via=${enc(via)}`, {}),
    "join",
  );
}

/** The local users a room's state on A shows invited. */
async function invitedOnA(roomId: string): Promise<string[]> {
  const { json } = await A.admin("GET", `/v1/rooms/${enc(roomId)}/state`);
  return ((json?.state ?? []) as Array<{ type: string; state_key: string; content: { membership?: string } }>)
    .filter((event) => event.type === "m.room.member" && event.content.membership === "invite")
    .map((event) => event.state_key)
    .sort();
}

/** Invites `userIds` (of A) into a room as `token`'s owner (of B), and waits until A's state has them. */
async function invite(token: string, roomId: string, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds)
    ok(
      await B.client(token, "POST", `/rooms/${enc(roomId)}/invite`, { user_id: userId }),
      `invite ${userId}`,
    );
  const seen = await waitUntil(
    () => invitedOnA(roomId),
    (invited) => userIds.every((userId) => invited.includes(userId)),
  );
  assert.ok(
    userIds.every((userId) => seen.includes(userId)),
    `A sees the invites: ${seen.join(", ")}`,
  );
}

let syncs = 0;
/** The rooms a user's own /sync on A shows it invited to. */
async function syncInvites(token: string): Promise<string[]> {
  // Synapse answers a /sync made like one of the last two minutes from its cache: each filter is new.
  const filter = enc(JSON.stringify({ account_data: { not_types: [`synadm.test.${++syncs}`] } }));
  const sync = ok(await A.client(token, "GET", `/sync?timeout=0&filter=${filter}`), "sync");
  return Object.keys(sync.rooms?.invite ?? {});
}

/** Login-as tokens of these users on A still valid, read from A's database. */
async function liveLoginAsTokens(userIds: readonly string[]): Promise<number> {
  const rows = await A.rows(
    "select puppets_user_id, valid_until_ms from access_tokens where puppets_user_id is not null",
  );
  const now = Date.now();
  return rows.filter(([user, until]) => userIds.includes(user!) && (!until || Number(until) > now)).length;
}

describe("incident contain --server: a spam wave from a federating Synapse", () => {
  it("the two servers federate: a user of B joins a public room of A, seen on both", async () => {
    const alice = await A.user("alice");
    const visitor = await B.user("visitor");
    const roomId = ok(await A.client(alice.token, "POST", "/createRoom", { preset: "public_chat" }), "room")
      .room_id as string;
    await join(B, visitor.token, roomId, pair.a.serverName);
    const onA = await waitUntil(
      () => joinedMembers(A, roomId),
      (members) => members.includes(visitor.userId),
    );
    assert.deepEqual(onA.sort(), [alice.userId, visitor.userId].sort());
    assert.deepEqual((await joinedMembers(B, roomId)).sort(), [alice.userId, visitor.userId].sort());
  });

  it("finds B's rooms, invites, accounts and the report; keeps, then deletes the rooms; no invite is left", async () => {
    const bName = pair.b.serverName;
    const [owner, curious, reporter, ...victims] = await Promise.all(
      ["owner", "curious", "reporter", "victim0", "victim1", "victim2", "victim3"].map((name) =>
        A.user(name),
      ),
    );
    const spammers = await Promise.all(["spam0", "spam1", "spam2"].map((name) => B.user(name)));
    const [spam0, spam1, spam2] = spammers as [
      (typeof spammers)[0],
      (typeof spammers)[0],
      (typeof spammers)[0],
    ];
    const victimIds = victims.map((victim) => victim!.userId);

    // A's own room, which spam2 of B joins, spams, and invites a victim into; the spam is reported.
    const community = ok(
      await A.client(owner!.token, "POST", "/createRoom", {
        preset: "public_chat",
        name: "Community",
        power_level_content_override: { invite: 0 },
        invite: [reporter!.userId],
      }),
      "community",
    ).room_id as string;
    ok(await A.client(reporter!.token, "POST", `/join/${enc(community)}`, {}), "reporter joins");
    await join(B, spam2.token, community, pair.a.serverName);
    const spam = ok(
      await B.client(spam2.token, "PUT", `/rooms/${enc(community)}/send/m.room.message/t1`, {
        msgtype: "m.text",
        body: "FREE CRYPTO, click here",
      }),
      "spam",
    ).event_id as string;
    const arrived = await waitUntil(
      () => A.client(reporter!.token, "GET", `/rooms/${enc(community)}/event/${enc(spam)}`),
      (answer) => answer.status === 200,
    );
    assert.equal(arrived.status, 200, "the spam reached A");
    ok(
      await A.client(reporter!.token, "POST", `/rooms/${enc(community)}/report/${enc(spam)}`, {
        reason: "spam from B",
      }),
      "report",
    );

    // B's first lure: a user of A joined it, so A is in it and sees its state; two victims invited.
    const lure0 = ok(
      await B.client(spam0.token, "POST", "/createRoom", {
        preset: "public_chat",
        name: "FREE CRYPTO 0",
        invite: [curious!.userId],
      }),
      "lure0",
    ).room_id as string;
    await join(A, curious!.token, lure0, bName);
    await invite(spam0.token, lure0, victimIds.slice(0, 2));

    // Kept first (--keep-rooms): the rooms are blocked, the invites rejected as each victim.
    const keptPlan = await contain("--server", bName, "--keep-rooms", "--accounts", "none", "-n");
    assert.deepEqual(
      keptPlan.rooms.map((room) => [room.room_id, room.creator, room.actions.join()]),
      [[lure0, spam0.userId, "remove-from-directory,quarantine-media,block"]],
    );
    assert.match(keptPlan.rooms[0]!.why, new RegExp(`^created by ${spam0.userId.replace(/\./g, "\\.")} of `));
    assert.deepEqual(
      keptPlan.invites.map((entry) => [entry.user_id, entry.room_id, entry.sender]).sort(),
      victimIds.slice(0, 2).map((userId) => [userId, lure0, spam0.userId]),
    );
    assert.deepEqual(keptPlan.accounts, [], "no local account is in B's wave");
    assert.deepEqual(
      keptPlan.reports.map((report) => [report.event_id, report.sender]),
      [[spam, spam2.userId]],
    );
    assert.ok(keptPlan.remote_accounts.includes(spam0.userId), keptPlan.remote_accounts.join());
    assert.equal((await A.admin("GET", `/v1/rooms/${enc(lure0)}/block`)).json.block, false, "a dry run");

    const kept = await contain("--server", bName, "--keep-rooms", "--accounts", "none");
    assert.deepEqual(kept.failed, []);
    assert.deepEqual(kept.done, { rooms: 1, accounts: 0, invites: 2 });
    assert.equal((await A.admin("GET", `/v1/rooms/${enc(lure0)}/block`)).json.block, true, "lure0 blocked");
    assert.equal((await A.admin("GET", `/v1/rooms/${enc(lure0)}`)).status, 200, "lure0 kept");
    for (const victim of victims.slice(0, 2))
      assert.deepEqual(await syncInvites(victim!.token), [], `${victim!.userId} has no invite left`);
    assert.equal(await liveLoginAsTokens(victimIds), 0, "no login-as token left alive");

    // The wave goes on: a second lure, and an invite into A's own room.
    const lure1 = ok(
      await B.client(spam1.token, "POST", "/createRoom", {
        preset: "public_chat",
        name: "FREE CRYPTO 1",
        invite: [curious!.userId],
      }),
      "lure1",
    ).room_id as string;
    await join(A, curious!.token, lure1, bName);
    await invite(spam1.token, lure1, [victimIds[2]!]);
    await invite(spam2.token, community, [victimIds[3]!]);

    // Then deleted: the rooms blocked, deleted and purged on A (their invites rejected with them),
    // the invite into A's room, which stays, rejected as its victim.
    const plan = await contain("--server", bName, "-n");
    assert.deepEqual(plan.rooms.map((room) => room.room_id).sort(), [lure0, lure1].sort());
    assert.ok(plan.rooms.every((room) => room.actions.includes("delete") && room.actions.includes("purge")));
    assert.deepEqual(
      plan.invites.map((entry) => [entry.user_id, entry.room_id, entry.sender]),
      [[victimIds[3], community, spam2.userId]],
    );
    assert.equal(plan.counts["invites_rejected_by_delete"], 1, JSON.stringify(plan.counts));
    assert.deepEqual(plan.remote_accounts, spammers.map((spammer) => spammer.userId).sort());
    const done = await contain("--server", bName);
    assert.deepEqual(done.failed, []);
    assert.deepEqual(done.done, { rooms: 2, accounts: 0, invites: 1 });

    for (const roomId of [lure0, lure1]) {
      assert.equal(
        (await A.admin("GET", `/v1/rooms/${enc(roomId)}/block`)).json.block,
        true,
        `${roomId} blocked`,
      );
      const { results } = (await A.admin("GET", `/v2/rooms/${enc(roomId)}/delete_status`)).json as {
        results: Array<{ status: string }>;
      };
      assert.deepEqual(
        results.map((result) => result.status),
        ["complete"],
        `one delete of ${roomId}, complete`,
      );
      assert.equal((await A.admin("GET", `/v1/rooms/${enc(roomId)}`)).status, 404, `${roomId} purged`);
    }
    for (const victim of victims)
      assert.deepEqual(await syncInvites(victim!.token), [], `${victim!.userId} has no invite left`);
    assert.deepEqual(await syncInvites(curious!.token), [], "curious is out of the lures");
    assert.equal(await liveLoginAsTokens(victimIds), 0, "no login-as token left alive");
    // A's own room stays, and nothing was done to B's accounts (B's own view).
    assert.equal((await A.admin("GET", `/v1/rooms/${enc(community)}/block`)).json.block, false);
    for (const spammer of spammers)
      assert.equal(
        (await B.admin("GET", `/v2/users/${enc(spammer.userId)}`)).json.deactivated,
        false,
        spammer.userId,
      );
  });

  it("a room of B that A knows only by an invite: not seen from --server, contained from --room", async () => {
    const victim = await A.user("victim9");
    const spammer = await B.user("spam9");
    const lure = ok(
      await B.client(spammer.token, "POST", "/createRoom", {
        preset: "public_chat",
        invite: [victim.userId],
      }),
      "lure",
    ).room_id as string;
    const invited = await waitUntil(
      () => syncInvites(victim.token),
      (rooms) => rooms.includes(lure),
    );
    assert.deepEqual(invited, [lure], "the victim's own /sync shows the invite");

    const fromServer = await run("--server", pair.b.serverName, "-n");
    const plan = JSON.parse(fromServer.stdout) as Plan;
    assert.ok(
      !plan.rooms.some((room) => room.room_id === lure) &&
        !plan.invites.some((entry) => entry.room_id === lure),
      "nothing of the room",
    );
    assert.match(fromServer.stderr, /no invite from another server to a room this server is not in/);

    const roomPlan = await contain("--room", lure, "-n");
    assert.deepEqual(
      roomPlan.rooms.map((room) => [room.room_id, room.actions.join()]),
      [[lure, "remove-from-directory,quarantine-media,block,delete,purge"]],
    );
    const done = await contain("--room", lure);
    assert.deepEqual(done.failed, []);
    assert.equal(done.done["rooms"], 1);
    assert.deepEqual(await syncInvites(victim.token), [], "the delete rejected the invite");
    assert.equal((await A.admin("GET", `/v1/rooms/${enc(lure)}/block`)).json.block, true);
    // The rejection went to B: its state of the room has the victim's leave.
    const leftOnB = async () => {
      const { json } = await B.admin("GET", `/v1/rooms/${enc(lure)}/state`);
      return (json.state as Array<{ state_key?: string; content: { membership?: string } }>).some(
        (event) => event.state_key === victim.userId && event.content.membership === "leave",
      );
    };
    assert.ok(await waitUntil(leftOnB, (left) => left), "B has the victim's leave");
  });
});
