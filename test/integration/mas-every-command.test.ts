// Every command of synadm 0.49.2 against a real Synapse in MAS mode, with the
// MAS stand-in as its MAS (set up as in mas-routing.test.ts): a room, users
// made through `mas user create`, media and messages are seeded first, then
// each command runs with realistic arguments. Each entry checks the command's
// answer against Synapse's own (asked with the admin's token), and for the
// commands that change something, Synapse's state and/or the stand-in's
// records afterwards. A last check holds the table to synadm 0.49.2's tree.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { assertOneLineError, freshHome, runCli } from "../support/cli.ts";
import { findCommand } from "../support/command-tree.ts";
import { type MasMode, useMasMode } from "../support/mas-mode.ts";
import type { SynapseServer } from "../support/synapse.ts";

/** synadm 0.49.2's leaf commands, as its --help lists them. */
const SYNADM_0_49_2_COMMANDS = [
  "config",
  "group delete",
  "history purge",
  "history purge-status",
  "matrix login",
  "matrix raw",
  "media delete",
  "media list",
  "media protect",
  "media purge",
  "media quarantine",
  "media unquarantine",
  "notice send",
  "raw",
  "regtok delete",
  "regtok details",
  "regtok list",
  "regtok new",
  "regtok update",
  "room block",
  "room block-status",
  "room delete",
  "room delete-status",
  "room details",
  "room join",
  "room list",
  "room make-admin",
  "room members",
  "room power-levels",
  "room purge-empty",
  "room resolve",
  "room search",
  "room state",
  "user 3pid",
  "user auth-provider",
  "user deactivate",
  "user deactivate-regex",
  "user details",
  "user list",
  "user login",
  "user media",
  "user membership",
  "user modify",
  "user password",
  "user prune-devices",
  "user redact",
  "user redact-status",
  "user search",
  "user shadow-ban",
  "user suspend",
  "user whois",
  "version",
];

let server: SynapseServer;
const { standIn, synadm, ok } = useMasMode({ cliTimeoutMs: 120_000, ready: seed });

const ALICE_PASSWORD = "alice's long password";
/** What the seeding made, for the commands to act on. */
const seeded = {
  aliceToken: "",
  roomId: "",
  /** A room to block and delete. */
  doomedRoomId: "",
  /** A room bob made and left: no local user is in it. */
  emptyRoomId: "",
  /** alice's messages in the room. */
  messageIds: [] as string[],
  /** alice's uploads: protected, quarantined, deleted. */
  media: { kept: "", quarantined: "", deleted: "" },
};
/** What one command answered, for the next to use. */
const answered = { purgeId: "", redactId: "", deleteId: "" };

async function seed(started: MasMode): Promise<void> {
  server = started.server;
  for (const name of ["alice", "bob", "carol", "spamz1", "spamz2"]) await ok("mas", "user", "create", name);
  await ok("mas", "user", "set-password", "alice", "-p", ALICE_PASSWORD);
  for (const device of ["ALICEDEV", "OLDDEV"])
    await standIn.callHomeserver("upsert_device", { localpart: "alice", device_id: device });
  seeded.aliceToken = standIn.issueToken(
    "alice",
    "urn:matrix:client:api:* urn:matrix:client:device:ALICEDEV",
    "ALICEDEV",
  );
  const bobToken = standIn.issueToken("bob", "urn:matrix:client:api:*");

  seeded.roomId = (
    await client(server.adminToken, "POST", "/client/v3/createRoom", {
      name: "Sweep room",
      room_alias_name: "sweep",
      preset: "public_chat",
      invite: ["@alice:mas.test"],
    })
  ).room_id;
  await client(seeded.aliceToken, "POST", `/client/v3/join/${encodeURIComponent(seeded.roomId)}`, {});
  for (const [key, name] of [
    ["kept", "kept.txt"],
    ["quarantined", "quarantined.txt"],
    ["deleted", "deleted.txt"],
  ] as const) {
    const response = await fetch(`${server.baseUrl}/_matrix/media/v3/upload?filename=${name}`, {
      method: "POST",
      headers: { authorization: `Bearer ${seeded.aliceToken}`, "content-type": "text/plain" },
      body: `the ${key} file`,
    });
    assert.equal(response.status, 200, await response.clone().text());
    const uri = ((await response.json()) as { content_uri: string }).content_uri;
    seeded.media[key] = uri.slice("mxc://mas.test/".length);
  }
  seeded.messageIds.push(await send(seeded.aliceToken, seeded.roomId, { msgtype: "m.text", body: "hello" }));
  seeded.messageIds.push(
    await send(seeded.aliceToken, seeded.roomId, {
      msgtype: "m.file",
      body: "kept.txt",
      url: `mxc://mas.test/${seeded.media.kept}`,
    }),
  );
  seeded.doomedRoomId = (
    await client(server.adminToken, "POST", "/client/v3/createRoom", { name: "Doomed room" })
  ).room_id;
  seeded.emptyRoomId = (
    await client(bobToken, "POST", "/client/v3/createRoom", { name: "Left behind" })
  ).room_id;
  await client(bobToken, "POST", `/client/v3/rooms/${encodeURIComponent(seeded.emptyRoomId)}/leave`, {});
}
/** A Matrix API call (path after /_matrix) with a user's token. */
// biome-ignore lint/suspicious/noExplicitAny: Synapse's answers, checked by the assertions.
async function client(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.baseUrl}/_matrix${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

async function send(token: string, roomId: string, content: Record<string, unknown>): Promise<string> {
  const txn = `sweep${Date.now()}${Math.random()}`;
  const path = `/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txn}`;
  return (await client(token, "PUT", path, content)).event_id;
}

/** Synapse's Admin API (path after /_synapse/admin) with the admin's token: status and answer. */
async function adminCall(
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: Synapse's answers, checked by the assertions.
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}/_synapse/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

/** Synapse's answer to an Admin API GET, which must succeed. */
// biome-ignore lint/suspicious/noExplicitAny: Synapse's answers, checked by the assertions.
async function synapse(path: string): Promise<any> {
  const { status, body } = await adminCall("GET", path);
  assert.equal(status, 200, `GET ${path}: ${JSON.stringify(body)}`);
  return body;
}

const user = (localpart: string) => `/v2/users/${encodeURIComponent(`@${localpart}:mas.test`)}`;
const room = (roomId: string) => `/v1/rooms/${encodeURIComponent(roomId)}`;

/** The stand-in's record of a user. */
function masUser(username: string): { id: string; attributes: Record<string, unknown> } | undefined {
  return standIn.records("users").find((row) => row.attributes["username"] === username);
}

/** alice's uploads as Synapse lists them, by media ID. */
// biome-ignore lint/suspicious/noExplicitAny: Synapse's media rows, checked by the assertions.
async function aliceMedia(): Promise<Map<string, any>> {
  const { media } = await synapse(`/v1/users/${encodeURIComponent("@alice:mas.test")}/media`);
  return new Map(media.map((row: { media_id: string }) => [row.media_id, row]));
}

async function powerLevels(roomId: string): Promise<Record<string, number>> {
  const { state } = await synapse(`${room(roomId)}/state`);
  return state.find((event: { type: string }) => event.type === "m.room.power_levels").content.users;
}

/** Each command of synadm 0.49.2, in the order they run: reading ones first, destructive ones last. */
const COMMANDS: Record<string, () => Promise<void>> = {
  version: async () => {
    const shown = await ok("version");
    assert.equal(shown.server_version, (await synapse("/v1/server_version")).server_version);
  },
  config: async () => {
    const own = freshHome();
    const result = await runCli(
      [
        "--batch",
        "config",
        "-u",
        "masadmin",
        "-t",
        server.adminToken,
        "-b",
        server.baseUrl,
        "-o",
        "json",
        "-n",
        "mas.test",
      ],
      { home: own },
    );
    assert.equal(result.code, 0, result.stderr);
    const written = readFileSync(join(own, ".config", "synadm.yaml"), "utf8");
    assert.match(written, new RegExp(`base_url: ${server.baseUrl}`));
    assert.match(written, /format: json/);
    // The file written is one synadm runs with, in MAS mode too.
    const users = await runCli(["user", "details", "alice"], { home: own });
    assert.equal(users.code, 0, users.stderr);
    assert.equal(JSON.parse(users.stdout).name, "@alice:mas.test");
  },
  "user list": async () => {
    const { users } = await ok("user", "list");
    const names = users.map((row: { name: string }) => row.name).sort();
    const theirs = (await synapse("/v2/users?guests=false")).users.map((row: { name: string }) => row.name);
    assert.deepEqual(names, theirs.sort());
    assert.ok(names.includes("@alice:mas.test"));
  },
  "user search": async () => {
    const { users } = await ok("user", "search", "spamz");
    assert.deepEqual(users.map((row: { name: string }) => row.name).sort(), [
      "@spamz1:mas.test",
      "@spamz2:mas.test",
    ]);
  },
  "user details": async () => {
    const shown = await ok("user", "details", "alice");
    const theirs = await synapse(user("alice"));
    assert.equal(shown.name, theirs.name);
    assert.equal(shown.creation_ts, theirs.creation_ts);
  },
  "user 3pid": async () => {
    await ok("mas", "email", "add", "alice", "alice@mas.test");
    const shown = await ok("user", "3pid", "alice@mas.test");
    assert.equal(shown.user_id, "@alice:mas.test");
  },
  "user auth-provider": async () => {
    // An SSO link Synapse holds (a user moved into MAS keeps it there).
    const put = await adminCall("PUT", user("bob"), {
      external_ids: [{ auth_provider: "oidc", external_id: "bob-at-idp" }],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const shown = await ok("user", "auth-provider", "-p", "oidc", "bob-at-idp");
    assert.equal(shown.user_id, "@bob:mas.test");
  },
  "user whois": async () => {
    // Synapse writes where a user was seen in batches, every few seconds.
    for (let i = 0; (await synapse(user("alice"))).last_seen_ts == null; i++) {
      assert.ok(i < 100, "alice's requests were never recorded");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const shown = await ok("user", "whois", "alice");
    assert.equal(shown.user_id, "@alice:mas.test");
    // Synapse lists every connection under one unnamed device.
    const connections = shown.devices[""].sessions.flatMap(
      (session: { connections: unknown[] }) => session.connections,
    );
    assert.ok(
      connections.some((connection: { ip: string }) => connection.ip === "127.0.0.1"),
      JSON.stringify(shown),
    );
    assert.deepEqual(shown, await synapse(`/v1/whois/${encodeURIComponent("@alice:mas.test")}`));
  },
  "user membership": async () => {
    const theirs = await synapse(`/v1/users/${encodeURIComponent("@alice:mas.test")}/joined_rooms`);
    const byId = await ok("user", "membership", "alice", "--ids");
    assert.deepEqual(byId.joined_rooms, theirs.joined_rooms);
    assert.ok(byId.joined_rooms.includes(seeded.roomId));
    // By default each room by its aliases, where it has some.
    const shown = await ok("user", "membership", "alice");
    assert.deepEqual(shown.joined_rooms, ["#sweep:mas.test"]);
  },
  "user media": async () => {
    const shown = await ok("user", "media", "alice");
    assert.deepEqual(
      shown.media.map((row: { media_id: string }) => row.media_id).sort(),
      Object.values(seeded.media).sort(),
    );
  },
  "room list": async () => {
    const { rooms } = await ok("room", "list");
    const ids = rooms.map((row: { room_id: string }) => row.room_id);
    for (const id of [seeded.roomId, seeded.doomedRoomId, seeded.emptyRoomId]) assert.ok(ids.includes(id));
  },
  "room search": async () => {
    const { rooms } = await ok("room", "search", "Sweep");
    assert.deepEqual(
      rooms.map((row: { room_id: string }) => row.room_id),
      [seeded.roomId],
    );
  },
  "room details": async () => {
    const shown = await ok("room", "details", seeded.roomId);
    assert.equal(shown.name, "Sweep room");
    assert.equal(shown.joined_members, (await synapse(room(seeded.roomId))).joined_members);
  },
  "room members": async () => {
    const shown = await ok("room", "members", seeded.roomId);
    assert.deepEqual([...shown.members].sort(), ["@alice:mas.test", "@masadmin:mas.test"]);
  },
  "room state": async () => {
    const shown = await ok("room", "state", seeded.roomId);
    const name = shown.state.find((event: { type: string }) => event.type === "m.room.name");
    assert.equal(name.content.name, "Sweep room");
  },
  "room resolve": async () => {
    const shown = await ok("room", "resolve", "#sweep:mas.test");
    assert.match(JSON.stringify(shown), new RegExp(seeded.roomId.replace(/[.$]/g, "\\$&")));
  },
  "room power-levels": async () => {
    const shown = await ok("room", "power-levels", "-i", seeded.roomId);
    assert.match(JSON.stringify(shown), /"@masadmin:mas\.test":\s*100/);
  },
  "media list": async () => {
    const shown = await ok("media", "list", "-r", seeded.roomId);
    assert.deepEqual(shown.local, [`mxc://mas.test/${seeded.media.kept}`]);
    const byUser = await ok("media", "list", "-u", "alice");
    assert.equal(byUser.media.length, 3);
  },
  "regtok new": async () => {
    const created = await ok("regtok", "new", "-n", "sweep-tok", "-u", "2");
    assert.equal(created.token, "sweep-tok");
    const record = standIn
      .records("user-registration-tokens")
      .find((r) => r.attributes["token"] === "sweep-tok");
    assert.equal(record?.attributes["usage_limit"], 2);
  },
  "regtok details": async () => {
    const shown = await ok("regtok", "details", "sweep-tok");
    assert.equal(shown.uses_allowed, 2);
  },
  "regtok list": async () => {
    const { registration_tokens: tokens } = await ok("regtok", "list");
    assert.deepEqual(
      tokens.map((token: { token: string }) => token.token),
      ["sweep-tok"],
    );
  },
  "regtok update": async () => {
    const shown = await ok("--batch", "regtok", "update", "sweep-tok", "-u", "5");
    assert.equal(shown.uses_allowed, 5);
    const record = standIn
      .records("user-registration-tokens")
      .find((r) => r.attributes["token"] === "sweep-tok");
    assert.equal(record?.attributes["usage_limit"], 5);
  },
  "regtok delete": async () => {
    await ok("--batch", "regtok", "delete", "sweep-tok");
    const record = standIn
      .records("user-registration-tokens")
      .find((r) => r.attributes["token"] === "sweep-tok");
    assert.ok(record?.attributes["revoked_at"], "revoked in MAS");
    assert.deepEqual((await ok("regtok", "list")).registration_tokens, []);
  },
  raw: async () => {
    const shown = await ok("raw", `v2/users/@alice:mas.test`);
    assert.equal(shown.name, "@alice:mas.test");
    await ok("--batch", "raw", "-m", "put", "v2/users/@bob:mas.test", "-d", '{"displayname": "Bob Raw"}');
    assert.equal((await synapse(user("bob"))).displayname, "Bob Raw");
  },
  "matrix raw": async () => {
    const whoami = await ok("matrix", "raw", "client/v3/account/whoami");
    assert.equal(whoami.user_id, "@masadmin:mas.test");
    const topic = `client/v3/rooms/${seeded.roomId}/state/m.room.topic`;
    await ok("--batch", "matrix", "raw", "-m", "put", topic, "-d", '{"topic": "swept"}');
    const { state } = await synapse(`${room(seeded.roomId)}/state`);
    assert.equal(
      state.find((event: { type: string }) => event.type === "m.room.topic").content.topic,
      "swept",
    );
  },
  "matrix login": async () => {
    // Synapse serves no password login under MAS; MAS does, at its issuer.
    const shown = await ok("--batch", "matrix", "login", "alice", "-p", ALICE_PASSWORD);
    assert.equal(shown.user_id, "@alice:mas.test");
    assert.deepEqual(standIn.compatLogins.at(-1), { user: "@alice:mas.test", status: 200 });
    const session = standIn.records("compat-sessions").at(-1);
    assert.equal(session?.attributes["user_id"], masUser("alice")!.id);
    assert.equal(session?.attributes["device_id"], shown.device_id);
    const whoami = await client(shown.access_token, "GET", "/client/v3/account/whoami");
    assert.deepEqual([whoami.user_id, whoami.device_id], ["@alice:mas.test", shown.device_id]);
    const { devices } = await synapse(`${user("alice")}/devices`);
    assert.ok(devices.some((device: { device_id: string }) => device.device_id === shown.device_id));
    const wrong = await synadm("--batch", "matrix", "login", "alice", "-p", "not the password");
    assert.equal(wrong.code, 1);
    assertOneLineError(wrong.stderr, /M_FORBIDDEN/, "not the password");
  },
  "user login": async () => {
    const sessions = standIn.records("personal-sessions").length;
    const shown = await ok("--batch", "user", "login", "alice");
    assert.equal(standIn.records("personal-sessions").length, sessions + 1);
    const whoami = await client(shown.access_token, "GET", "/client/v3/account/whoami");
    assert.equal(whoami.user_id, "@alice:mas.test");
  },
  "user modify": async () => {
    const shown = await ok("--batch", "user", "modify", "alice", "-n", "Alice Sweep");
    assert.equal(shown.displayname, "Alice Sweep");
    assert.equal((await synapse(user("alice"))).displayname, "Alice Sweep");
    await ok("--batch", "user", "modify", "bob", "-a");
    assert.equal(masUser("bob")?.attributes["admin"], true);
    assert.equal((await synapse(user("bob"))).admin, true);
  },
  "user password": async () => {
    const mark = standIn.requests.length;
    await ok("--batch", "user", "password", "bob", "-p", "bob's new password");
    const set = standIn.requests.slice(mark).find((r) => r.operationId === "setUserPassword");
    assert.deepEqual(set?.requestBody, { password: "bob's new password" });
    assert.ok(set?.path.includes(masUser("bob")!.id));
  },
  "user shadow-ban": async () => {
    await ok("--batch", "user", "shadow-ban", "bob");
    assert.equal((await synapse(user("bob"))).shadow_banned, true);
    await ok("--batch", "user", "shadow-ban", "bob", "-u");
    assert.equal((await synapse(user("bob"))).shadow_banned, false);
  },
  "user suspend": async () => {
    await ok("--batch", "user", "suspend", "bob");
    assert.equal((await synapse(user("bob"))).suspended, true);
    await ok("--batch", "user", "suspend", "bob", "-U");
    assert.equal((await synapse(user("bob"))).suspended, false);
  },
  "user prune-devices": async () => {
    const oldToken = standIn.issueToken("alice", "urn:matrix:client:api:* urn:matrix:client:device:OLDDEV");
    await client(oldToken, "GET", "/client/v3/account/whoami");
    await ok("--batch", "user", "prune-devices", "alice", "-i", "OLDDEV", "-d", "0", "-s", "0");
    const { devices } = await synapse(`${user("alice")}/devices`);
    const left = devices.map((device: { device_id: string }) => device.device_id);
    assert.ok(!left.includes("OLDDEV"), `devices left: ${left}`);
    assert.ok(left.includes("ALICEDEV"));
    // Synapse no longer takes the tokens of the device deleted.
    const refused = await fetch(`${server.baseUrl}/_matrix/client/v3/account/whoami`, {
      headers: { authorization: `Bearer ${oldToken}` },
    });
    assert.equal(refused.status, 401);
  },
  "room join": async () => {
    await ok("--batch", "room", "join", seeded.roomId, "bob");
    const { memberships } = await synapse(`/v1/users/${encodeURIComponent("@bob:mas.test")}/memberships`);
    assert.equal(memberships[seeded.roomId], "join");
  },
  "room make-admin": async () => {
    await ok("--batch", "room", "make-admin", seeded.roomId, "-u", "@alice:mas.test");
    assert.equal((await powerLevels(seeded.roomId))["@alice:mas.test"], 100);
  },
  "notice send": async () => {
    const before = (await synapse(`/v1/users/${encodeURIComponent("@alice:mas.test")}/memberships`))
      .memberships;
    await ok("--batch", "notice", "send", "alice", "maintenance at noon");
    const { memberships } = await synapse(`/v1/users/${encodeURIComponent("@alice:mas.test")}/memberships`);
    const added = Object.keys(memberships).filter((id) => !(id in before));
    assert.equal(added.length, 1, JSON.stringify(memberships));
    const { chunk } = await synapse(`${room(added[0]!)}/messages?dir=b&limit=10`);
    const notice = chunk.find((event: { type: string }) => event.type === "m.room.message");
    assert.equal(notice.content.body, "maintenance at noon");
    assert.equal(notice.sender, "@notices:mas.test");
  },
  "media protect": async () => {
    await ok("--batch", "media", "protect", seeded.media.kept);
    assert.equal((await aliceMedia()).get(seeded.media.kept).safe_from_quarantine, true);
  },
  "media quarantine": async () => {
    await ok("--batch", "media", "quarantine", "-i", seeded.media.quarantined);
    assert.equal((await aliceMedia()).get(seeded.media.quarantined).quarantined_by, "@masadmin:mas.test");
  },
  "media unquarantine": async () => {
    await ok("--batch", "media", "unquarantine", "-i", seeded.media.quarantined);
    assert.equal((await aliceMedia()).get(seeded.media.quarantined).quarantined_by, null);
  },
  "media delete": async () => {
    const shown = await ok("--batch", "media", "delete", "-i", seeded.media.deleted);
    assert.deepEqual(shown.deleted_media, [seeded.media.deleted]);
    const media = await aliceMedia();
    assert.ok(!media.has(seeded.media.deleted));
    assert.ok(media.has(seeded.media.kept));
  },
  "media purge": async () => {
    // No remote media is cached here: nothing is purged, and local media stays.
    const shown = await ok("--batch", "media", "purge", "-d", "0");
    assert.equal(shown.deleted, 0);
    assert.equal((await aliceMedia()).size, 2);
  },
  "user redact": async () => {
    const shown = await ok("--batch", "user", "redact", "alice", "-r", seeded.roomId, "--reason", "sweep");
    answered.redactId = shown.redact_id;
    assert.ok(answered.redactId, JSON.stringify(shown));
    for (const eventId of seeded.messageIds) {
      const event = await client(
        server.adminToken,
        "GET",
        `/client/v3/rooms/${encodeURIComponent(seeded.roomId)}/event/${encodeURIComponent(eventId)}`,
      );
      assert.deepEqual(event.content, {}, `${eventId} is redacted`);
    }
  },
  "user redact-status": async () => {
    const shown = await ok("user", "redact-status", answered.redactId);
    const theirs = await synapse(`/v1/user/redact_status/${answered.redactId}`);
    assert.equal(shown.status, "complete");
    assert.deepEqual(shown, theirs);
  },
  "history purge": async () => {
    const eventId = await send(server.adminToken, seeded.roomId, { msgtype: "m.text", body: "old news" });
    await send(server.adminToken, seeded.roomId, { msgtype: "m.text", body: "latest" });
    const shown = await ok(
      "--batch",
      "history",
      "purge",
      seeded.roomId,
      "--before-ts",
      String(Date.now()),
      "--delete-local",
    );
    answered.purgeId = shown.purge_id;
    assert.ok(answered.purgeId, JSON.stringify(shown));
    assert.equal((await synapse(`/v1/purge_history_status/${answered.purgeId}`)).status, "complete");
    const { chunk } = await synapse(`${room(seeded.roomId)}/messages?dir=b&limit=50`);
    assert.ok(!chunk.some((event: { event_id: string }) => event.event_id === eventId), "old news is purged");
  },
  "history purge-status": async () => {
    const shown = await ok("history", "purge-status", answered.purgeId);
    assert.deepEqual(shown, await synapse(`/v1/purge_history_status/${answered.purgeId}`));
  },
  "room block": async () => {
    await ok("--batch", "room", "block", seeded.doomedRoomId);
    assert.equal((await synapse(`${room(seeded.doomedRoomId)}/block`)).block, true);
  },
  "room block-status": async () => {
    const shown = await ok("room", "block-status", seeded.doomedRoomId);
    assert.deepEqual(shown, await synapse(`${room(seeded.doomedRoomId)}/block`));
  },
  "room delete": async () => {
    const shown = await ok("--batch", "room", "delete", seeded.doomedRoomId);
    answered.deleteId = JSON.stringify(shown).match(/"delete_id":\s*"([^"]+)"/)?.[1] ?? "";
    const { results } = await synapse(`/v2/rooms/${encodeURIComponent(seeded.doomedRoomId)}/delete_status`);
    assert.equal(results[0].status, "complete");
    assert.equal((await adminCall("GET", room(seeded.doomedRoomId))).status, 404);
  },
  "room delete-status": async () => {
    const shown = await ok("room", "delete-status", "-r", seeded.doomedRoomId);
    const theirs = await synapse(`/v2/rooms/${encodeURIComponent(seeded.doomedRoomId)}/delete_status`);
    assert.deepEqual(
      shown.results.map((row: { status: string }) => row.status),
      theirs.results.map((row: { status: string }) => row.status),
    );
  },
  "room purge-empty": async () => {
    await ok("--batch", "room", "purge-empty");
    assert.equal((await adminCall("GET", room(seeded.emptyRoomId))).status, 404, "the empty room is gone");
    assert.equal((await adminCall("GET", room(seeded.roomId))).status, 200, "the room with members stays");
  },
  "user deactivate": async () => {
    await ok("--batch", "user", "deactivate", "carol");
    assert.ok(masUser("carol")?.attributes["deactivated_at"], "in MAS");
    assert.equal((await synapse(user("carol"))).deactivated, true);
  },
  "user deactivate-regex": async () => {
    await ok("--batch", "user", "deactivate-regex", "@spamz.*");
    for (const name of ["spamz1", "spamz2"]) {
      assert.ok(masUser(name)?.attributes["deactivated_at"], `${name} in MAS`);
      assert.equal((await synapse(user(name))).deactivated, true, `${name} in Synapse`);
    }
    assert.equal((await synapse(user("alice"))).deactivated, false);
  },
  "group delete": async () => {
    // Synapse has had no groups since 1.61, MAS or not: one line says so.
    const result = await synadm("--batch", "group", "delete", "+group:mas.test");
    assert.notEqual(result.code, 0);
    assertOneLineError(result.stderr, /removed groups/);
  },
};

describe("every synadm 0.49.2 command against Synapse in MAS mode", () => {
  for (const [command, check] of Object.entries(COMMANDS)) it(command, check);

  it("user renew (account validity, not in 0.49.2's tree): one line says MAS has none", async () => {
    const result = await synadm("user", "renew", "alice");
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /no account validity/);
  });

  it("the table runs every leaf command of synadm 0.49.2, each a command of this CLI", () => {
    for (const command of SYNADM_0_49_2_COMMANDS) {
      assert.equal(findCommand(command.split(" "))?.kind, "command", `synadm ${command} is a command here`);
      assert.ok(command in COMMANDS, `synadm ${command} is run in MAS mode`);
    }
    assert.deepEqual(Object.keys(COMMANDS).sort(), [...SYNADM_0_49_2_COMMANDS].sort());
  });
});
