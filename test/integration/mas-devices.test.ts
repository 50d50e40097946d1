// Deleting a user's devices against a real Synapse in MAS mode, with the MAS
// stand-in as its MAS (see test/support/mas-mode.ts): a device is one of
// MAS's sessions, so synadm ends that session in MAS before deleting the
// device in Synapse. Otherwise its token would stay valid at MAS, and MAS's
// device sync would bring the device back. alice logs in through MAS's Matrix
// password login (`synadm matrix login`), which makes a compat session per
// device; each test checks the stand-in's sessions, Synapse's device list and
// which tokens Synapse still takes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useMasMode } from "../support/mas-mode.ts";
import type { SynapseServer } from "../support/synapse.ts";

const PASSWORD = "alice's device password";
let server: SynapseServer;
const { standIn, synadm, ok } = useMasMode({
  ready: async (started) => {
    server = started.server;
    await started.ok("mas", "user", "create", "alice");
    await started.ok("mas", "user", "set-password", "alice", "-p", PASSWORD);
  },
});

interface Login {
  readonly token: string;
  readonly deviceId: string;
}

/** alice logs in with her password at MAS: a compat session, its device in Synapse, its token. */
async function login(): Promise<Login> {
  const shown = await ok("--batch", "matrix", "login", "alice", "-p", PASSWORD);
  return { token: shown.access_token, deviceId: shown.device_id };
}

/** The HTTP status of Synapse's whoami with this token. */
async function whoami(token: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.text();
  return response.status;
}

/** A user's device IDs as Synapse has them. */
async function devicesOf(localpart: string): Promise<string[]> {
  const response = await fetch(
    `${server.baseUrl}/_synapse/admin/v2/users/${encodeURIComponent(`@${localpart}:mas.test`)}/devices`,
    { headers: { authorization: `Bearer ${server.adminToken}` } },
  );
  assert.equal(response.status, 200);
  const { devices } = (await response.json()) as { devices: { device_id: string }[] };
  return devices.map((device) => device.device_id);
}

/** The stand-in's compat session of a device. */
function compatSession(deviceId: string): { id: string; attributes: Record<string, unknown> } {
  const session = standIn.records("compat-sessions").find((row) => row.attributes["device_id"] === deviceId);
  assert.ok(session, `a compat session for ${deviceId}`);
  return session;
}

/** The operations the stand-in answered since `mark` (an index into its requests). */
const operationsSince = (mark: number): (string | undefined)[] =>
  standIn.requests.slice(mark).map((request) => request.operationId);

/**
 * The device comes back in Synapse, as MAS's device sync would bring back a
 * device whose session still lived: its token must still be refused, by MAS.
 */
async function assertRefusedEvenIfSyncedBack(login: Login): Promise<void> {
  await standIn.callHomeserver("upsert_device", { localpart: "alice", device_id: login.deviceId });
  assert.equal(await whoami(login.token), 401, "MAS no longer takes the token");
  await standIn.callHomeserver("delete_device", { localpart: "alice", device_id: login.deviceId });
}

describe("deleting devices under MAS ends their MAS sessions", () => {
  it("user device delete: the compat and OAuth 2.0 sessions of the devices end; other devices stay", async () => {
    const [gone, kept] = [await login(), await login()];
    // A next-generation (OAuth 2.0) client's device: its session names the device in its scope.
    const oauthDevice = "OAUTHDEV01";
    await standIn.callHomeserver("upsert_device", { localpart: "alice", device_id: oauthDevice });
    const alice = standIn.records("users").find((row) => row.attributes["username"] === "alice")!.id;
    const scope = `urn:matrix:client:api:* urn:matrix:client:device:${oauthDevice}`;
    const oauthSession = standIn.seed("oauth2-sessions", {
      user_id: alice,
      client_id: "01J0000000000000000000C11E",
      scope,
      finished_at: null,
    });
    const oauthToken = standIn.issueToken("alice", scope, oauthDevice);
    for (const token of [gone.token, kept.token, oauthToken]) assert.equal(await whoami(token), 200);

    const mark = standIn.requests.length;
    const calls = standIn.homeserverCalls.length;
    const deleted = await synadm("--batch", "user", "device", "delete", "alice", gone.deviceId, oauthDevice);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.deepEqual(JSON.parse(deleted.stdout), {}, "Synapse's answer, as without MAS");
    assert.match(deleted.stderr, /Ended 2 MAS session\(s\) of the deleted device\(s\)/);
    const finished = operationsSince(mark).filter((name) => name?.startsWith("finish"));
    assert.deepEqual(finished, ["finishCompatSession", "finishOAuth2Session"]);
    assert.ok(compatSession(gone.deviceId).attributes["finished_at"]);
    assert.ok(standIn.record("oauth2-sessions", oauthSession)?.["finished_at"]);
    assert.equal(compatSession(kept.deviceId).attributes["finished_at"], null);
    // MAS deletes a finished session's device in the homeserver, as synadm then does too.
    assert.deepEqual(
      standIn.homeserverCalls.slice(calls).map((call) => [call.path, call.body["device_id"], call.status]),
      [
        ["delete_device", gone.deviceId, 204],
        ["delete_device", oauthDevice, 204],
      ],
    );

    const left = await devicesOf("alice");
    assert.ok(!left.includes(gone.deviceId) && !left.includes(oauthDevice), `devices left: ${left}`);
    assert.ok(left.includes(kept.deviceId), `devices left: ${left}`);
    assert.equal(await whoami(gone.token), 401);
    assert.equal(await whoami(oauthToken), 401);
    assert.equal(await whoami(kept.token), 200, "the other device's token still works");
    await assertRefusedEvenIfSyncedBack(gone);
  });

  it("user prune-devices: the pruned device's compat session ends; the other device and token stay", async () => {
    const [old, kept] = [await login(), await login()];
    const mark = standIn.requests.length;
    const pruned = await synadm(
      "--batch",
      "user",
      "prune-devices",
      "alice",
      "-i",
      old.deviceId,
      "-d",
      "0",
      "-s",
      "0",
    );
    assert.equal(pruned.code, 0, pruned.stderr);
    const shown = JSON.parse(pruned.stdout) as { device_id: string; error?: unknown }[];
    assert.deepEqual(
      shown.map((device) => [device.device_id, device.error]),
      [[old.deviceId, undefined]],
      "synadm's shape: the devices deleted",
    );
    assert.match(pruned.stderr, /Ended 1 MAS session\(s\) of the deleted device\(s\)/);
    assert.deepEqual(
      operationsSince(mark).filter((name) => name?.startsWith("finish")),
      ["finishCompatSession"],
    );
    assert.ok(compatSession(old.deviceId).attributes["finished_at"]);
    assert.equal(compatSession(kept.deviceId).attributes["finished_at"], null);
    const left = await devicesOf("alice");
    assert.ok(!left.includes(old.deviceId), `devices left: ${left}`);
    assert.ok(left.includes(kept.deviceId), `devices left: ${left}`);
    assert.equal(await whoami(old.token), 401);
    assert.equal(await whoami(kept.token), 200);
    await assertRefusedEvenIfSyncedBack(old);
  });

  it("a dry run and a listing ask MAS nothing and end no session", async () => {
    const device = await login();
    const mark = standIn.requests.length;
    const dry = await synadm("user", "device", "delete", "alice", device.deviceId, "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Would: Delete 1 device\(s\) of @alice:mas\.test/);
    const listed = await synadm("user", "prune-devices", "alice", "-l", "-d", "0", "-s", "0");
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(operationsSince(mark), []);
    assert.equal(compatSession(device.deviceId).attributes["finished_at"], null);
    assert.equal(await whoami(device.token), 200);
  });

  it("a user MAS does not know: their devices are deleted in Synapse, with a line saying so", async () => {
    // A user Synapse alone has (made before the move to MAS, say).
    await standIn.callHomeserver("provision_user", { localpart: "legacy" });
    await standIn.callHomeserver("upsert_device", { localpart: "legacy", device_id: "LEGACYDEV" });
    const deleted = await synadm("--batch", "user", "device", "delete", "legacy", "LEGACYDEV");
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(
      deleted.stderr,
      /MAS has no user legacy \(for @legacy:mas\.test\): no MAS sessions to end\./,
    );
    assert.match(deleted.stderr, /Ended 0 MAS session\(s\)/);
    assert.deepEqual(await devicesOf("legacy"), []);
  });
});
