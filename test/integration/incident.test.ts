// A scripted spam wave on the real Synapse, contained from one seed: the
// evidence, the plan, a run killed outright and resumed, and the server after.
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type CliResult, homeWithConfig, runCli, startCli } from "../support/cli.ts";
import { useFaultProxy } from "../support/fault-proxy.ts";
import { doneLines, journals } from "../support/journals.ts";
import {
  adminApi,
  clientApi,
  configYaml,
  createRoom,
  createUser,
  loginUser,
  sendText,
  serverRows,
  testServer,
  uniquePrefix,
  upload,
} from "../support/server.ts";

const prefix = uniquePrefix();
const enc = encodeURIComponent;
// The wave is 200 accounts and 50 victims; scaled down to keep the suite's time.
const SPAMMERS = 60;
const VICTIMS = 20;
const ABUSE_ROOMS = 6;

/** Registers an account with the shared secret, as a bot herder's script would; returns its token. */
async function registerWithSecret(localpart: string): Promise<{ userId: string; token: string }> {
  const secret = process.env["SYNADM_TEST_SHARED_SECRET"];
  assert.ok(secret, "the test server's shared secret (SYNADM_TEST_SHARED_SECRET)");
  const url = `${testServer().baseUrl}/_synapse/admin/v1/register`;
  const { nonce } = (await (await fetch(url)).json()) as { nonce: string };
  const password = `pw-${localpart}`;
  const mac = createHmac("sha1", secret)
    .update(`${nonce}\0${localpart}\0${password}\0notadmin`)
    .digest("hex");
  const response = await fetch(url, {
    method: "POST",
    body: JSON.stringify({ nonce, username: localpart, password, admin: false, mac }),
  });
  const json = (await response.json()) as { user_id?: string; access_token?: string };
  assert.ok(json.access_token && json.user_id, `registering ${localpart}: HTTP ${response.status}`);
  return { userId: json.user_id, token: json.access_token };
}

async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 8): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

async function ok(result: Promise<{ status: number; json: unknown }>, what: string): Promise<unknown> {
  const { status, json } = await result;
  assert.ok(status < 300, `${what}: HTTP ${status} ${JSON.stringify(json)}`);
  return json;
}

/** Login-as tokens of these users still valid, read from the server's database. */
async function liveLoginAsTokens(userIds: readonly string[]): Promise<number> {
  const rows = await serverRows(
    "select puppets_user_id, valid_until_ms from access_tokens where puppets_user_id is not null",
  );
  const now = Date.now();
  return rows.filter(([user, until]) => userIds.includes(user!) && (!until || Number(until) > now)).length;
}

describe("incident contain: a spam wave from one seed to a contained server", () => {
  const faulty = useFaultProxy();

  it("finds the wave, keeps evidence, plans, survives kill -9 with --resume, and leaves it contained", async () => {
    const started = Date.now();
    // The wave: accounts registered in a burst, abuse rooms in the directory, invites to local
    // users, media, spam in a room of the victims, and reports about it.
    const victims = await inBatches(
      Array.from({ length: VICTIMS }, (_, i) => `${prefix}victim${i}`),
      async (localpart) => ({ localpart, userId: await createUser(localpart, "victim-pw") }),
    );
    const registeredAfter = Date.now() - 1000;
    const spammers = await inBatches(
      Array.from({ length: SPAMMERS }, (_, i) => `${prefix}spam${String(i).padStart(3, "0")}`),
      registerWithSecret,
    );
    const victimToken = await loginUser(victims[0]!.localpart, "victim-pw");
    const community = await createRoom(victimToken, {
      preset: "public_chat",
      name: "Community",
      power_level_content_override: { invite: 0 },
    });

    const abuseRooms: string[] = [];
    for (let r = 0; r < ABUSE_ROOMS; r++) {
      const owner = spammers[r]!;
      const roomId = await createRoom(owner.token, {
        preset: "public_chat",
        visibility: "public",
        name: `FREE CRYPTO ${r}`,
        room_alias_name: `${prefix}abuse${r}`,
        invite: victims.filter((_, i) => i % 3 === r % 3).map((victim) => victim.userId),
      });
      abuseRooms.push(roomId);
    }
    const media: Array<{ server: string; id: string }> = [];
    await inBatches(spammers, async (spammer) => {
      const i = spammers.indexOf(spammer);
      const roomId = abuseRooms[i % ABUSE_ROOMS]!;
      if (i >= ABUSE_ROOMS) await ok(clientApi(spammer.token, "POST", `/join/${enc(roomId)}`, {}), "join");
      const file = await upload(spammer.token, `spam${i}.txt`);
      media[i] = file;
      await sendText(spammer.token, roomId, `buy now ${file.uri}`);
    });
    // Ten of them spam the community room and invite victims there; the victims report three messages.
    const spamInCommunity: string[] = [];
    for (const spammer of spammers.slice(0, 10)) {
      await ok(clientApi(spammer.token, "POST", `/join/${enc(community)}`, {}), "join the community");
      spamInCommunity.push(await sendText(spammer.token, community, "click this link"));
    }
    const communityInvited = victims.slice(10, 15);
    for (const victim of communityInvited)
      await ok(
        clientApi(spammers[1]!.token, "POST", `/rooms/${enc(community)}/invite`, { user_id: victim.userId }),
        "invite",
      );
    for (const eventId of spamInCommunity.slice(0, 3))
      await ok(
        clientApi(victimToken, "POST", `/rooms/${enc(community)}/report/${enc(eventId)}`, { reason: "spam" }),
        "report",
      );
    const scripted = Date.now();

    // Plan from one seed: the accounts registered in the burst.
    const home = homeWithConfig(configYaml({ format: "json" }));
    const evidence = join(mkdtempSync(join(tmpdir(), "incident-")), "evidence");
    const seed = ["--users", `@${prefix}spam`, "--registered-after", String(registeredAfter)];
    const dry = await runCli(["--batch", "incident", "contain", ...seed, "--evidence", evidence, "-n"], {
      home,
      timeoutMs: 120_000,
    });
    assert.equal(dry.code, 0, dry.stderr);
    const plan = JSON.parse(dry.stdout) as {
      counts: Record<string, number>;
      rooms: Array<{ room_id: string; actions: string[] }>;
      accounts: Array<{ user_id: string; actions: string[]; redact_in: string[] }>;
      invites: Array<{ user_id: string; room_id: string }>;
      evidence: string;
    };
    assert.equal(plan.evidence, evidence);
    assert.equal(plan.counts["accounts"], SPAMMERS);
    assert.equal(plan.counts["rooms"], ABUSE_ROOMS);
    assert.deepEqual(plan.rooms.map((room) => room.room_id).sort(), [...abuseRooms].sort());
    assert.equal(plan.counts["media"], SPAMMERS);
    assert.equal(plan.counts["reports"], 3);
    assert.equal(
      plan.invites.length,
      communityInvited.length,
      "invites to the kept room are rejected one by one",
    );
    assert.ok(plan.invites.every((invite) => invite.room_id === community));
    assert.equal(plan.counts["pending_invites"], communityInvited.length + 40, JSON.stringify(plan.counts));
    const redacting = plan.accounts.filter((account) => account.actions.includes("redact"));
    assert.equal(redacting.length, 10);
    assert.ok(redacting.every((account) => account.redact_in.join() === community));

    // Evidence first, private, and without the admin's token.
    assert.equal(statSync(evidence).mode & 0o777, 0o700);
    const files = readdirSync(evidence).sort();
    for (const name of [
      "accounts.json",
      "invites.json",
      "media.json",
      "plan.json",
      "reports.json",
      "rooms.json",
    ])
      assert.ok(files.includes(name), `${name} in ${files.join(", ")}`);
    for (const name of files) {
      assert.equal(statSync(join(evidence, name)).mode & 0o777, 0o600, name);
      assert.ok(
        !readFileSync(join(evidence, name), "utf8").includes(testServer().token),
        `no token in ${name}`,
      );
    }
    const rooms = JSON.parse(readFileSync(join(evidence, "rooms.json"), "utf8")) as Array<{
      state: unknown[];
    }>;
    assert.ok(
      rooms.every((room) => room.state.length > 0),
      "room state kept",
    );
    const reports = JSON.parse(readFileSync(join(evidence, "reports.json"), "utf8")) as Array<{
      event_json: unknown;
    }>;
    assert.ok(
      reports.every((report) => report.event_json),
      "the reported events kept",
    );
    // A dry run changed nothing.
    const block = (await adminApi("GET", `/v1/rooms/${enc(abuseRooms[0]!)}/block`)).json as {
      block: boolean;
    };
    assert.equal(block.block, false);

    // From a room seed instead: its creator and members, not the victims it invited.
    const fromRoom = await runCli(
      [
        "--batch",
        "incident",
        "contain",
        "--room",
        `#${prefix}abuse0:${testServer().serverName}`,
        "--evidence",
        `${evidence}-room`,
        "-n",
      ],
      { home, timeoutMs: 60_000 },
    );
    assert.equal(fromRoom.code, 0, fromRoom.stderr);
    const roomPlan = JSON.parse(fromRoom.stdout) as typeof plan;
    const members = spammers.filter((_, i) => i % ABUSE_ROOMS === 0).map((spammer) => spammer.userId);
    assert.deepEqual(roomPlan.accounts.map((account) => account.user_id).sort(), members.sort());
    assert.deepEqual(
      roomPlan.rooms.map((room) => room.room_id),
      [abuseRooms[0]],
    );

    // Apply the plan (edited: one account left alone), killed outright part-way, then resumed.
    const planFile = join(evidence, "..", "plan-edited.json");
    const edited = JSON.parse(dry.stdout) as typeof plan;
    const spared = edited.accounts.pop()!;
    writeFileSync(planFile, JSON.stringify(edited));
    const args = ["--batch", "incident", "contain", "--plan", planFile, "--concurrency", "4"];
    const first = startCli(args, { home, timeoutMs: 120_000 });
    for (let waited = 0; ; waited += 10) {
      const [journal] = journals(home);
      if (journal && doneLines(journal) >= 3) break;
      assert.ok(waited < 60_000, "the run never got going");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill("SIGKILL");
    await first.result;
    const resumed = await runCli([...args, "--resume"], { home, timeoutMs: 180_000 });
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    const report = JSON.parse(resumed.stdout) as {
      evidence: string;
      failed: unknown[];
      total: number;
      done: Record<string, number>;
      done_by_an_earlier_run: number;
      actions: unknown[];
    };
    const total = ABUSE_ROOMS + SPAMMERS - 1 + communityInvited.length;
    assert.equal(report.total, total);
    assert.deepEqual(report.failed, []);
    assert.ok(report.done_by_an_earlier_run >= 3, resumed.stdout);
    assert.equal(report.actions.length + report.done_by_an_earlier_run, total, "nothing lost");
    assert.deepEqual(report.done, {
      rooms: ABUSE_ROOMS,
      accounts: SPAMMERS - 1,
      invites: communityInvited.length,
    });
    assert.equal(report.evidence, evidence);
    assert.ok(existsSync(join(evidence, "report.json")));
    assert.deepEqual(journals(home), [], "a finished run leaves no journal");

    // The server, contained: through each victim's own /sync, no invite is left.
    await inBatches(victims, async (victim) => {
      const token = await loginUser(victim.localpart, "victim-pw");
      const sync = (await ok(clientApi(token, "GET", "/sync?timeout=0"), "sync")) as {
        rooms?: { invite?: Record<string, unknown> };
      };
      const invited = Object.keys(sync.rooms?.invite ?? {});
      assert.deepEqual(invited, [], `${victim.userId} still invited to ${invited.join(", ")}`);
      await ok(clientApi(token, "POST", "/logout", {}), "logout");
    });
    for (const roomId of abuseRooms) {
      const blocked = (await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json as { block: boolean };
      assert.equal(blocked.block, true, `${roomId} blocked`);
      assert.equal((await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status, 404, `${roomId} purged`);
      // Nothing done twice: one delete per room, also across the kill.
      const { results } = (await adminApi("GET", `/v2/rooms/${enc(roomId)}/delete_status`)).json as {
        results: unknown[];
      };
      assert.equal(results.length, 1, `one delete of ${roomId}`);
    }
    for (const file of media) {
      const { media_info } = (await adminApi("GET", `/v1/media/${file.server}/${file.id}`)).json as {
        media_info: { quarantined_by: string | null };
      };
      const owner = media.indexOf(file);
      // The spared account's media only if it was in a quarantined room.
      if (spammers[owner]!.userId !== spared.user_id)
        assert.ok(media_info.quarantined_by, `${file.id} quarantined`);
    }
    for (const spammer of spammers) {
      const user = (await adminApi("GET", `/v2/users/${enc(spammer.userId)}`)).json as {
        deactivated: boolean;
      };
      assert.equal(user.deactivated, spammer.userId !== spared.user_id, spammer.userId);
    }
    const messages = (await adminApi("GET", `/v1/rooms/${enc(community)}/messages?dir=b&limit=500`)).json as {
      chunk: Array<{ event_id: string; type: string; redacts?: string; content: { redacts?: string } }>;
    };
    for (const eventId of spamInCommunity) {
      const redactions = messages.chunk.filter(
        (event) => event.type === "m.room.redaction" && (event.redacts ?? event.content.redacts) === eventId,
      );
      assert.equal(redactions.length, 1, `${eventId} redacted once`);
    }
    assert.equal(
      await liveLoginAsTokens(victims.map((victim) => victim.userId)),
      0,
      "no login-as token left alive",
    );
    process.stderr.write(
      `incident: wave scripted in ${scripted - started} ms, contained in ${Date.now() - scripted} ms\n`,
    );
  });

  it("seeds from a policy room (a glob and a hashed rule), keeps the rooms, rejects each invite as its victim, resumes a killed run", async () => {
    const bots = await inBatches([0, 1, 2], (i) => registerWithSecret(`${prefix}bot${i}`));
    const victims = await inBatches([0, 1, 2], async (i) => ({
      localpart: `${prefix}target${i}`,
      userId: await createUser(`${prefix}target${i}`, "victim-pw"),
    }));
    const lure = await createRoom(bots[0]!.token, {
      preset: "public_chat",
      invite: victims.map((victim) => victim.userId),
    });
    const other = await createRoom(bots[2]!.token, { preset: "public_chat", room_alias_name: `${prefix}r2` });
    // The moderators' list: bot0 by its hash only, bot1 by a glob, the other room by its alias.
    const moderator = await loginUser(victims[0]!.localpart, "victim-pw");
    const policy = await createRoom(moderator, { preset: "private_chat", name: "ban list" });
    const rule = (type: string, key: string, content: Record<string, unknown>) =>
      ok(clientApi(moderator, "PUT", `/rooms/${enc(policy)}/state/${type}/${enc(key)}`, content), "rule");
    const hash = createHash("sha256").update(bots[0]!.userId).digest("base64").replace(/=+$/, "");
    await rule("m.policy.rule.user", "h1", {
      recommendation: "m.ban",
      reason: "spam",
      hashes: { sha256: hash },
    });
    await rule("m.policy.rule.user", "g1", {
      recommendation: "m.ban",
      reason: "spam",
      entity: `@${prefix}bot1:*`,
    });
    await rule("m.policy.rule.room", "r1", {
      recommendation: "m.ban",
      reason: "spam",
      entity: `#${prefix}r2:*`,
    });
    await rule("m.policy.rule.user", "old", {});

    // A file of IDs as seeds: a room (its creator comes with it) and a user.
    const idsFile = join(mkdtempSync(join(tmpdir(), "incident-ids-")), "ids.txt");
    writeFileSync(idsFile, `# from the moderators' channel\n${other}\n${bots[1]!.userId}\n`);
    const fromIds = await runCli(["--batch", "incident", "contain", "--ids", idsFile, "-n"], {
      home: homeWithConfig(configYaml({ format: "json" })),
      timeoutMs: 60_000,
    });
    assert.equal(fromIds.code, 0, fromIds.stderr);
    const idsPlan = JSON.parse(fromIds.stdout) as {
      accounts: Array<{ user_id: string }>;
      rooms: Array<{ room_id: string }>;
    };
    assert.deepEqual(
      idsPlan.accounts.map((account) => account.user_id).sort(),
      [bots[1]!.userId, bots[2]!.userId].sort(),
    );
    assert.deepEqual(
      idsPlan.rooms.map((room) => room.room_id),
      [other],
    );

    const proxied = faulty.home;
    const args = [
      "--batch",
      "incident",
      "contain",
      "--policy-room",
      policy,
      "--keep-rooms",
      "--accounts",
      "shadow-ban",
      "--concurrency",
      "1",
    ];
    faulty.proxy.delayMs = 150;
    const first = startCli(args, { home: proxied, timeoutMs: 120_000 });
    let ended: CliResult | undefined;
    void first.result.then((result) => {
      ended = result;
    });
    for (let waited = 0; ; waited += 10) {
      const [journal] = journals(proxied);
      if (journal && doneLines(journal) >= 2) break;
      assert.ok(!ended, `the run ended before it could be killed: ${ended?.code} ${ended?.stderr}`);
      assert.ok(waited < 60_000, "the run never got going");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill("SIGKILL");
    await first.result;
    faulty.proxy.delayMs = 0;
    const resumed = await runCli([...args, "--resume"], { home: proxied, timeoutMs: 120_000 });
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    const report = JSON.parse(resumed.stdout) as {
      evidence: string;
      found: Record<string, number>;
      done: Record<string, number>;
      failed: unknown[];
    };
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.done, { rooms: 2, accounts: 2, invites: 3 });
    assert.equal(report.found["accounts"], 2, "bot2 is on no list");
    assert.ok(
      existsSync(join(report.evidence, "plan.json")),
      "the resumed run found the evidence of the first",
    );

    for (const victim of victims) {
      const token = await loginUser(victim.localpart, "victim-pw");
      const sync = (await ok(clientApi(token, "GET", "/sync?timeout=0"), "sync")) as {
        rooms?: { invite?: Record<string, unknown> };
      };
      assert.deepEqual(Object.keys(sync.rooms?.invite ?? {}), [], victim.userId);
      await ok(clientApi(token, "POST", "/logout", {}), "logout");
    }
    for (const roomId of [lure, other]) {
      assert.equal(
        ((await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json as { block: boolean }).block,
        true,
      );
      assert.equal((await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status, 200, "kept, not purged");
    }
    for (const [i, bot] of bots.entries()) {
      const user = (await adminApi("GET", `/v2/users/${enc(bot.userId)}`)).json as {
        shadow_banned: boolean;
        deactivated: boolean;
      };
      assert.equal(user.shadow_banned, i < 2, bot.userId);
      assert.equal(user.deactivated, false);
    }
    assert.equal(
      await liveLoginAsTokens(victims.map((victim) => victim.userId)),
      0,
      "no login-as token left alive",
    );
  });

  it("a run killed while a victim's login-as token is out: the resumed run outlives that token", async () => {
    const [bot] = await inBatches([0], (i) => registerWithSecret(`${prefix}window${i}`));
    const victim = `${prefix}windowvictim`;
    const victimId = await createUser(victim, "victim-pw");
    const room = await createRoom(bot!.token, { preset: "private_chat", invite: [victimId] });
    const args = [
      "--batch",
      "incident",
      "contain",
      "--room",
      room,
      "--keep-rooms",
      "--accounts",
      "none",
      "--login-as-lifetime",
      "10",
    ];
    // The victim's leave never gets an answer: the run is killed with the token out.
    faulty.proxy.inject("stall", { pathPart: "/leave" });
    const first = startCli(args, { home: faulty.home, timeoutMs: 60_000 });
    for (let waited = 0; !faulty.proxy.seen.some((seen) => seen.path.includes("/leave")); waited += 10) {
      assert.ok(waited < 30_000, "the run never reached the victim's leave");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill("SIGKILL");
    await first.result;
    assert.equal(await liveLoginAsTokens([victimId]), 1, "the killed run left its token alive");

    const resumed = await runCli([...args, "--resume"], { home: faulty.home, timeoutMs: 60_000 });
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    assert.match(resumed.stderr, new RegExp(`login-as token .* for ${victimId} may still be alive`));
    assert.match(resumed.stderr, /waiting \d+ s until it has expired/);
    assert.equal(await liveLoginAsTokens([victimId]), 0, "no login-as token left alive");
    const token = await loginUser(victim, "victim-pw");
    const sync = (await ok(clientApi(token, "GET", "/sync?timeout=0"), "sync")) as {
      rooms?: { invite?: Record<string, unknown> };
    };
    assert.deepEqual(Object.keys(sync.rooms?.invite ?? {}), [], "the invite is rejected");
    await ok(clientApi(token, "POST", "/logout", {}), "logout");
  });

  for (const [accounts, expected] of [
    ["suspend", { suspended: true, deactivated: false, erased: false }],
    ["erase", { suspended: false, deactivated: true, erased: true }],
  ] as const) {
    it(`--accounts ${accounts} leaves each account of the wave ${accounts === "erase" ? "erased" : "suspended"}`, async () => {
      const bots = await inBatches([0, 1], (i) => registerWithSecret(`${prefix}${accounts}${i}`));
      const result = await runCli(
        ["--batch", "incident", "contain", "--users", `@${prefix}${accounts}\\d`, "--accounts", accounts],
        { home: homeWithConfig(configYaml({ format: "json" })), timeoutMs: 120_000 },
      );
      assert.equal(result.code, 0, result.stderr + result.stdout);
      for (const bot of bots) {
        const user = (await adminApi("GET", `/v2/users/${enc(bot.userId)}`)).json as {
          suspended?: boolean;
          deactivated: boolean;
          erased: boolean;
        };
        assert.deepEqual(
          { suspended: user.suspended ?? false, deactivated: user.deactivated, erased: user.erased },
          expected,
          bot.userId,
        );
      }
    });
  }

  it("refuses a seedless run and seeds with --plan before asking the server anything", async () => {
    const home = homeWithConfig(configYaml({ format: "json" }));
    const none = await runCli(["--batch", "incident", "contain"], { home });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name a seed/);
    const both = await runCli(["--batch", "incident", "contain", "--plan", "x.json", "--users", "@x"], {
      home,
    });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /takes no seeds/);
  });
});
