import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freshHome, parseJson as json, jsonSession, runCli } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  createUser,
  loginUser,
  mxid,
  pollStatus,
  runReference,
  testServer,
  uniquePrefix,
} from "../support/server.ts";

const { home, synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;
const userState = async (userId: string) =>
  (await adminApi("GET", `/v2/users/${encodeURIComponent(userId)}`)).json as Record<string, unknown>;

describe("user: reading", () => {
  it("details and list print the same documents as the reference", async () => {
    await createUser(`${prefix}ref`, "pw", { displayname: "Réf Üser 🐱" });
    for (const args of [
      ["user", "details", mxid(`${prefix}ref`)],
      ["user", "list", "-d", "-g", "-n", prefix],
      ["user", "list", "-a", "--sort-by", "creation_ts", "--reverse", "-l", "3"],
      ["user", "whois", mxid(`${prefix}ref`)],
      ["user", "media", mxid(`${prefix}ref`)],
    ]) {
      const ours = await synadm(...args);
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(ours.stdout, reference.stdout, args.join(" "));
    }
  });

  it("expands a bare localpart and reports an unknown user in one line", async () => {
    const details = await synadm("user", "details", `${prefix}ref`);
    assert.equal(json<{ name: string }>(details.stdout).name, mxid(`${prefix}ref`));
    const missing = await synadm("user", "details", `${prefix}nobody`);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^Error: GET .* failed: HTTP 404 M_NOT_FOUND: User not found\n$/);
  });

  it("list --all follows every page and prints one document", async () => {
    for (let i = 0; i < 5; i++) await createUser(`${prefix}page${i}`, "pw");
    for (const format of ["json", "minified", "yaml"]) {
      const result = await runCli(["-o", format, "user", "list", "--all", "-l", "2", "-n", `${prefix}page`], {
        home,
      });
      assert.equal(result.code, 0, result.stderr);
      const document =
        format === "yaml" ? (await import("yaml")).parse(result.stdout) : JSON.parse(result.stdout);
      assert.equal(document.total, 5, format);
      assert.deepEqual(
        document.users.map((user: { name: string }) => user.name).sort(),
        [0, 1, 2, 3, 4].map((i) => mxid(`${prefix}page${i}`)),
        format,
      );
    }
  });

  it("search ignores case and prints one document", async () => {
    const userId = await createUser(`${prefix}findme`, "pw", { displayname: "Find Me" });
    const result = await synadm("user", "search", `${prefix}FINDME`);
    assert.equal(result.code, 0, result.stderr);
    const found = json<{ users: Array<{ name: string }>; total: number }>(result.stdout);
    assert.deepEqual(
      found.users.map((user) => user.name),
      [userId],
    );
    assert.equal(found.total, 1);
  });

  it("whois, membership and media show what the user has", async () => {
    const userId = await createUser(`${prefix}member`, "pw");
    const token = await loginUser(`${prefix}member`, "pw");
    const room = await clientApi(token, "POST", "/createRoom", { room_alias_name: `${prefix}room` });
    const roomId = (room.json as { room_id: string }).room_id;
    const upload = await fetch(
      `${process.env["SYNADM_TEST_BASE_URL"]}/_matrix/media/v3/upload?filename=a.txt`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
        body: "hello",
      },
    );
    assert.equal(upload.status, 200);

    const whois = json<{ user_id: string }>((await synadm("user", "whois", userId)).stdout);
    assert.equal(whois.user_id, userId);
    const byId = json<{ joined_rooms: string[]; total: number }>(
      (await synadm("user", "membership", userId, "--ids")).stdout,
    );
    assert.deepEqual(byId, { joined_rooms: [roomId], total: 1 });
    const byAlias = await synadm("user", "membership", userId);
    assert.deepEqual(json(byAlias.stdout), {
      joined_rooms: [`#${prefix}room:${userId.split(":")[1]}`],
      total: 1,
    });
    assert.equal(byAlias.stdout, (await runReference(["-o", "json", "user", "membership", userId])).stdout);
    const media = json<{ media: Array<{ upload_name: string; created_ts: string }>; total: number }>(
      (await synadm("user", "media", userId)).stdout,
    );
    assert.equal(media.total, 1);
    assert.equal(media.media[0]!.upload_name, "a.txt");
    assert.match(media.media[0]!.created_ts, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const raw = json<{ media: Array<{ created_ts: number }> }>(
      (await synadm("user", "media", userId, "--ts")).stdout,
    );
    assert.equal(typeof raw.media[0]!.created_ts, "number");
  });

  it("finds users by third-party ID and reports unknown auth-provider IDs", async () => {
    const userId = await createUser(`${prefix}mail`, "pw", {
      threepids: [{ medium: "email", address: `${prefix}@example.org` }],
    });
    const found = await synadm("user", "3pid", `${prefix}@example.org`);
    assert.equal(found.code, 0, found.stderr);
    assert.deepEqual(json(found.stdout), { user_id: userId });
    const linked = await createUser(`${prefix}sso`, "pw", {
      external_ids: [{ auth_provider: "oidc", external_id: `${prefix}-ext` }],
    });
    const byProvider = await synadm("user", "auth-provider", "-p", "oidc", `${prefix}-ext`);
    assert.equal(byProvider.code, 0, byProvider.stderr);
    assert.deepEqual(json(byProvider.stdout), { user_id: linked });
    const unknown = await synadm("user", "auth-provider", "-p", "oidc", "nobody");
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /HTTP 404/);
    const missing = await synadm("user", "auth-provider", "nobody");
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /give at least one of --provider/);
  });
});

describe("user: changing", () => {
  it("modify creates a user with every field, and the password works", async () => {
    const userId = mxid(`${prefix}new`);
    const result = await synadm(
      "--batch",
      "user",
      "modify",
      `${prefix}new`,
      "-P",
      "s3cret!",
      "-n",
      "New User",
      "-t",
      "email",
      `${prefix}new@example.org`,
      "-a",
      "--user-type",
      "bot",
    );
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr + result.stdout, /s3cret!/);
    assert.match(result.stderr, /does not exist yet; it will be created/);
    const state = await userState(userId);
    assert.equal(state["displayname"], "New User");
    assert.equal(state["admin"], true);
    assert.equal(state["user_type"], "bot");
    assert.deepEqual(
      (state["threepids"] as Array<{ address: string }>).map((t) => t.address),
      [`${prefix}new@example.org`],
    );
    assert.ok(await loginUser(`${prefix}new`, "s3cret!"));
  });

  it("modify --no-logout keeps the user's sessions; without it they end", async () => {
    await createUser(`${prefix}keep`, "first");
    const token = await loginUser(`${prefix}keep`, "first");
    await synadm("--batch", "user", "modify", `${prefix}keep`, "-P", "second", "--no-logout");
    assert.equal((await clientApi(token, "GET", "/account/whoami")).status, 200);
    await synadm("--batch", "user", "modify", `${prefix}keep`, "-P", "third");
    assert.equal((await clientApi(token, "GET", "/account/whoami")).status, 401);
  });

  it("modify refuses bad input before sending anything, and stops when stdin ends unanswered", async () => {
    const userId = await createUser(`${prefix}guard`, "pw", { displayname: "Before" });
    const cases: Array<[string[], RegExp]> = [
      [["-P", "x", "--deactivate"], /a password and deactivating/],
      [
        ["-P", "x", "-p"],
        /--password-prompt and --password cannot be used together|--password and --password-prompt/,
      ],
      [[], /give at least one of/],
      [["-v", "https://example.org/a.png"], /invalid mxc URI/],
      [["-p"], /in batch mode/],
    ];
    for (const [args, pattern] of cases) {
      const result = await synadm("--batch", "user", "modify", `${prefix}guard`, ...args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, pattern);
    }
    const unconfirmed = await synadm("user", "modify", `${prefix}guard`, "-n", "After");
    assert.equal(unconfirmed.code, 10);
    assert.match(unconfirmed.stderr, /standard input ended; add --batch/);
    const dryRun = await synadm("--batch", "user", "modify", `${prefix}guard`, "-n", "After", "--dry-run");
    assert.equal(dryRun.code, 0);
    assert.equal((await userState(userId))["displayname"], "Before");
  });

  it("password sets a new password; -n keeps sessions", async () => {
    await createUser(`${prefix}pw`, "old");
    const token = await loginUser(`${prefix}pw`, "old");
    // synadm sets a password without asking; so does this CLI unless `confirm: always` is set.
    const result = await synadm("user", "password", `${prefix}pw`, "-p", "new", "-n");
    assert.equal(result.code, 0, result.stderr);
    assert.ok(await loginUser(`${prefix}pw`, "new"));
    assert.equal((await clientApi(token, "GET", "/account/whoami")).status, 200);
  });

  it("deactivate (and -e) deactivates; --dry-run changes nothing", async () => {
    const plain = await createUser(`${prefix}deact`, "pw");
    const erased = await createUser(`${prefix}erase`, "pw");
    assert.equal((await synadm("--batch", "user", "deactivate", plain, "--dry-run")).code, 0);
    assert.equal((await userState(plain))["deactivated"], false);
    const result = await synadm("--batch", "user", "deactivate", plain);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await userState(plain))["deactivated"], true);
    assert.equal((await synadm("--batch", "user", "deactivate", "-e", erased)).code, 0);
    const state = await userState(erased);
    assert.equal(state["deactivated"], true);
    assert.equal(state["erased"], true);
  });

  it("deactivate-regex deactivates exactly the matching users and prints synadm's list of answers", async () => {
    for (const name of ["spam1", "spam2", "spam3", "keep"]) await createUser(`${prefix}${name}`, "pw");
    const regex = `@${prefix}spam`;
    const dry = await synadm("--batch", "user", "deactivate-regex", regex, "-n");
    // synadm's dry run prints the list of the users it would deactivate.
    assert.deepEqual(
      json<string[]>(dry.stdout).sort(),
      ["spam1", "spam2", "spam3"].map((n) => mxid(`${prefix}${n}`)),
    );
    assert.equal((await userState(mxid(`${prefix}spam1`)))["deactivated"], false);
    const result = await synadm("--batch", "user", "deactivate-regex", regex, "-p", "2");
    assert.equal(result.code, 0, result.stderr);
    const answers = json<Array<{ user_id: string; id_server_unbind_result?: string; error?: string }>>(
      result.stdout,
    );
    assert.deepEqual(
      answers.map((d) => d.user_id).sort(),
      ["spam1", "spam2", "spam3"].map((n) => mxid(`${prefix}${n}`)),
    );
    assert.ok(answers.every((answer) => answer.error === undefined && answer.id_server_unbind_result));
    assert.match(result.stderr, /3 done, 0 failed \(of 3\)/);
    for (const name of ["spam1", "spam2", "spam3"])
      assert.equal((await userState(mxid(`${prefix}${name}`)))["deactivated"], true);
    assert.equal((await userState(mxid(`${prefix}keep`)))["deactivated"], false);
    const bad = await synadm("--batch", "user", "deactivate-regex", "(");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /does not compile/);
  });

  it("deactivate-regex leaves out the admin's own account unless --include-self, and says so", async () => {
    const victim = await createUser(`${prefix}selfvictim`, "pw");
    const regex = `@(admin|${prefix}selfvictim):`;
    const dry = await synadm("--batch", "user", "deactivate-regex", regex, "-n", "--include-self");
    assert.deepEqual(json<string[]>(dry.stdout).sort(), [mxid("admin"), victim].sort());
    const result = await synadm("--batch", "user", "deactivate-regex", regex);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Leaving out your own account @admin:.*--include-self/);
    assert.deepEqual(
      json<Array<{ user_id: string }>>(result.stdout).map((answer) => answer.user_id),
      [victim],
    );
    assert.equal((await userState(victim))["deactivated"], true);
    assert.equal((await userState(mxid("admin")))["deactivated"], false);
  });

  it("deactivate-regex refuses a regex that does not compile", async () => {
    const bad = await synadm("--batch", "user", "deactivate-regex", "(");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /does not compile/);
  });

  it("login gives a working token of the user; an expiry in the past is refused", async () => {
    const userId = await createUser(`${prefix}login`, "pw");
    const result = await synadm("--batch", "user", "login", `${prefix}login`, "-d", "2");
    assert.equal(result.code, 0, result.stderr);
    const { access_token } = json<{ access_token: string }>(result.stdout);
    assert.deepEqual((await clientApi(access_token, "GET", "/account/whoami")).json, {
      user_id: userId,
      is_guest: false,
    });
    const past = await synadm("user", "login", userId, "--expire-ts", "1000");
    assert.equal(past.code, 2);
    assert.match(past.stderr, /in the past/);
    const both = await synadm("user", "login", userId, "-d", "1", "--expire-never");
    assert.equal(both.code, 2);
  });

  it("shadow-ban and suspend change the account, and undo", async () => {
    const userId = await createUser(`${prefix}mod`, "pw");
    assert.equal((await synadm("--batch", "user", "shadow-ban", userId)).code, 0);
    assert.equal((await userState(userId))["shadow_banned"], true);
    assert.equal((await synadm("--batch", "user", "shadow-ban", "-u", userId)).code, 0);
    assert.equal((await userState(userId))["shadow_banned"], false);
    assert.equal((await synadm("--batch", "user", "suspend", userId)).code, 0);
    assert.equal((await userState(userId))["suspended"], true);
    assert.equal((await synadm("--batch", "user", "suspend", "-U", userId)).code, 0);
    assert.equal((await userState(userId))["suspended"], false);
  });

  it("redact redacts the user's messages and redact-status follows it", async () => {
    await createUser(`${prefix}talker`, "pw");
    const token = await loginUser(`${prefix}talker`, "pw");
    const roomId = ((await clientApi(token, "POST", "/createRoom", {})).json as { room_id: string }).room_id;
    const sent = await clientApi(token, "PUT", `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/1`, {
      msgtype: "m.text",
      body: "spam",
    });
    const eventId = (sent.json as { event_id: string }).event_id;
    const bad = await synadm("--batch", "user", "redact", `${prefix}talker`, "-r", "not-a-room");
    assert.equal(bad.code, 2);
    const result = await synadm(
      "--batch",
      "user",
      "redact",
      `${prefix}talker`,
      "-r",
      roomId,
      "--reason",
      "test",
    );
    assert.equal(result.code, 0, result.stderr);
    // Followed to its end unless --no-wait.
    assert.match(result.stderr, /Redaction .*: complete/);
    const { redact_id, status: final } = json<{ redact_id: string; status: string }>(result.stdout);
    assert.equal(final, "complete");
    const status = await pollStatus(
      async () => json<{ status: string }>((await synadm("user", "redact-status", redact_id)).stdout).status,
    );
    assert.equal(status, "complete");
    const event = await clientApi(
      token,
      "GET",
      `/rooms/${encodeURIComponent(roomId)}/event/${encodeURIComponent(eventId)}`,
    );
    assert.deepEqual((event.json as { content: unknown }).content, {});
  });

  it("prune-devices deletes the oldest devices by bare localpart, keeping the minimum", async () => {
    const userId = await createUser(`${prefix}devices`, "pw");
    for (let i = 0; i < 3; i++) await loginUser(`${prefix}devices`, "pw");
    const devices = async () =>
      ((await adminApi("GET", `/v2/users/${encodeURIComponent(userId)}/devices`)).json as { total: number })
        .total;
    const listed = await synadm("user", "prune-devices", `${prefix}devices`, "-l", "-d", "0", "-s", "1");
    assert.equal(json<unknown[]>(listed.stdout).length, 2);
    assert.equal(await devices(), 3);
    const pruned = await synadm("--batch", "user", "prune-devices", `${prefix}devices`, "-d", "0", "-s", "1");
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.equal(await devices(), 1);
    const kept = await synadm("--batch", "user", "prune-devices", `${prefix}devices`, "-d", "0", "-s", "1");
    assert.deepEqual(json(kept.stdout), []);
    assert.equal(await devices(), 1);
  });
});

describe("user: devices, rate limits, admin rights, account data, media, expiry and registration", () => {
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
