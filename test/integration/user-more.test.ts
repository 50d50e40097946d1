import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freshHome, parseJson as json, jsonSession, runCli } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  createUser,
  loginUser,
  mxid,
  testServer,
  uniquePrefix,
} from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;

describe("user: the rest of the User Admin API", () => {
  it("device create, show, rename, list and delete change the user's devices", async () => {
    const userId = await createUser(`${prefix}dev`, "pw");
    assert.equal((await synadm("user", "device", "create", userId, "DEVA")).code, 0);
    assert.equal((await synadm("user", "device", "create", userId, "DEVB")).code, 0);
    assert.equal((await synadm("user", "device", "rename", userId, "DEVA", "Laptop")).code, 0);
    const shown = json<{ device_id: string; display_name: string }>(
      (await synadm("user", "device", "show", userId, "DEVA")).stdout,
    );
    assert.equal(shown.display_name, "Laptop");
    const listed = json<{ total: number }>((await synadm("user", "device", "list", `${prefix}dev`)).stdout);
    assert.equal(listed.total, 2);
    const refused = await synadm("user", "device", "delete", userId, "DEVA");
    assert.equal(refused.code, 10);
    assert.equal((await synadm("--batch", "user", "device", "delete", userId, "DEVA", "DEVB")).code, 0);
    const state = (await adminApi("GET", `/v2/users/${enc(userId)}/devices`)).json as { total: number };
    assert.equal(state.total, 0);
  });

  it("ratelimit set, show and delete", async () => {
    const userId = await createUser(`${prefix}rl`, "pw");
    const set = await synadm(
      "--batch",
      "user",
      "ratelimit",
      "set",
      userId,
      "--messages-per-second",
      "5",
      "--burst-count",
      "7",
    );
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual((await adminApi("GET", `/v1/users/${enc(userId)}/override_ratelimit`)).json, {
      messages_per_second: 5,
      burst_count: 7,
    });
    assert.deepEqual(json((await synadm("user", "ratelimit", "show", userId)).stdout), {
      messages_per_second: 5,
      burst_count: 7,
    });
    assert.equal((await synadm("--batch", "user", "ratelimit", "delete", userId)).code, 0);
    assert.deepEqual((await adminApi("GET", `/v1/users/${enc(userId)}/override_ratelimit`)).json, {});
  });

  it("server-admin grant, show and revoke", async () => {
    const userId = await createUser(`${prefix}adm`, "pw");
    assert.equal((await synadm("--batch", "user", "server-admin", "grant", userId)).code, 0);
    assert.deepEqual(json((await synadm("user", "server-admin", "show", userId)).stdout), { admin: true });
    assert.equal((await synadm("--batch", "user", "server-admin", "revoke", userId)).code, 0);
    assert.deepEqual((await adminApi("GET", `/v1/users/${enc(userId)}/admin`)).json, { admin: false });
  });

  it("account data, pushers, memberships and the counts show the user's state", async () => {
    const userId = await createUser(`${prefix}data`, "pw");
    const token = await loginUser(`${prefix}data`, "pw");
    await clientApi(token, "PUT", `/user/${enc(userId)}/account_data/org.example.test`, { hello: "world" });
    const roomId = ((await clientApi(token, "POST", "/createRoom", {})).json as { room_id: string }).room_id;
    const other = await createUser(`${prefix}invitee`, "pw");
    await clientApi(token, "POST", `/rooms/${enc(roomId)}/invite`, { user_id: other });

    const data = json<{ account_data: { global: Record<string, unknown> } }>(
      (await synadm("user", "account-data", userId)).stdout,
    );
    assert.deepEqual(data.account_data.global["org.example.test"], { hello: "world" });
    assert.deepEqual(json((await synadm("user", "pushers", userId)).stdout), { pushers: [], total: 0 });
    assert.deepEqual(json((await synadm("user", "memberships", other)).stdout), {
      memberships: { [roomId]: "invite" },
    });
    assert.deepEqual(json((await synadm("user", "sent-invite-count", userId)).stdout), { invite_count: 1 });
    const joined = await synadm("user", "joined-room-count", userId, "--since", "1d");
    assert.deepEqual(json(joined.stdout), { cumulative_joined_room_count: 1 });
  });

  it("username-available, list-v3 and allow-cross-signing-reset", async () => {
    const userId = await createUser(`${prefix}v3`, "pw");
    assert.deepEqual(json((await synadm("user", "username-available", `${prefix}free`)).stdout), {
      available: true,
    });
    const taken = await synadm("user", "username-available", `${prefix}v3`);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /M_USER_IN_USE/);
    await adminApi("POST", `/v1/deactivate/${enc(userId)}`, { erase: false });
    const onlyDeactivated = json<{ users: Array<{ name: string }> }>(
      (await synadm("user", "list-v3", "--only-deactivated", "-n", `${prefix}v3`)).stdout,
    );
    assert.deepEqual(
      onlyDeactivated.users.map((u) => u.name),
      [userId],
    );
    const active = json<{ users: unknown[] }>(
      (await synadm("user", "list-v3", "--no-deactivated", "-n", `${prefix}v3`)).stdout,
    );
    assert.deepEqual(active.users, []);
    const other = await createUser(`${prefix}xsign`, "pw");
    const otherToken = await loginUser(`${prefix}xsign`, "pw");
    const key = "dGVzdGluZ3Rlc3Rpbmd0ZXN0aW5ndGVzdGluZ3Rlc3Q";
    const upload = await clientApi(otherToken, "POST", "/keys/device_signing/upload", {
      master_key: { user_id: other, usage: ["master"], keys: { [`ed25519:${key}`]: key } },
      auth: {
        type: "m.login.password",
        identifier: { type: "m.id.user", user: `${prefix}xsign` },
        password: "pw",
      },
    });
    assert.equal(upload.status, 200, JSON.stringify(upload.json));
    const allowed = await synadm("--batch", "user", "allow-cross-signing-reset", other);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.ok(
      json<{ updatable_without_uia_before_ms: number }>(allowed.stdout).updatable_without_uia_before_ms >
        Date.now(),
    );
  });

  it("delete-media removes everything the user uploaded", async () => {
    const userId = await createUser(`${prefix}up`, "pw");
    const token = await loginUser(`${prefix}up`, "pw");
    for (const name of ["a.txt", "b.txt"]) {
      await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=${name}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
        body: name,
      });
    }
    const result = await synadm("--batch", "user", "delete-media", userId);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(json<{ total: number }>(result.stdout).total, 2);
    assert.equal(
      ((await adminApi("GET", `/v1/users/${enc(userId)}/media`)).json as { total: number }).total,
      0,
    );
  });

  it("renew sets the account's expiry", async () => {
    const userId = await createUser(`${prefix}valid`, "pw");
    const at = Date.now() + 90 * 86_400_000;
    const result = await synadm("user", "renew", userId, "--expiration", String(at));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(json(result.stdout), { expiration_ts: at });
  });

  it("register creates an admin with the shared secret and no token configured", async () => {
    const secret = process.env["SYNADM_TEST_SHARED_SECRET"];
    assert.ok(secret, "the shared secret of the test server is needed (set by 'npm test')");
    const noToken = runCli(["user", "register", `${prefix}first`, "-a", "-p", "pw"], {
      home: freshHome(),
      env: { SYNADM_BASE_URL: testServer().baseUrl, SYNADM_SHARED_SECRET: secret, SYNADM_FORMAT: "json" },
    });
    const result = await noToken;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(json<{ user_id: string }>(result.stdout).user_id, mxid(`${prefix}first`));
    const state = (await adminApi("GET", `/v2/users/${enc(mxid(`${prefix}first`))}`)).json as {
      admin: boolean;
    };
    assert.equal(state.admin, true);
    const wrong = await runCli(
      ["user", "register", `${prefix}second`, "-p", "pw", "--shared-secret", "wrong"],
      {
        home: freshHome(),
        env: { SYNADM_BASE_URL: testServer().baseUrl },
      },
    );
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /HMAC incorrect|M_FORBIDDEN/);
  });
});
