// synadm's own account commands against a real Synapse in MAS mode, with the
// MAS stand-in as its MAS (set up as in mas-mode.test.ts): where Synapse no
// longer serves an endpoint, the command goes to MAS's admin API, and its
// output keeps synadm's shape. Each test checks Synapse's state (asked
// directly with the admin's token) and the stand-in's records.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError, homeWithConfig, runCli } from "../support/cli.ts";
import { useMasMode } from "../support/mas-mode.ts";
import type { SynapseServer } from "../support/synapse.ts";

let server: SynapseServer;
let home = "";
const mas = useMasMode({
  ready: (started) => {
    ({ server, home } = started);
  },
});
const { standIn, synadm, ok, synapseUser, config } = mas;

/** A user's rooms as Synapse has them: invited, joined (rooms they left are not listed). */
async function memberships(localpart: string): Promise<Record<string, string>> {
  const response = await fetch(
    `${server.baseUrl}/_synapse/admin/v1/users/@${localpart}:mas.test/memberships`,
    {
      headers: { authorization: `Bearer ${server.adminToken}` },
    },
  );
  return ((await response.json()) as { memberships: Record<string, string> }).memberships;
}

/** The stand-in's record of a user, with its MAS ID. */
function masUser(username: string): { id: string; attributes: Record<string, unknown> } | undefined {
  return standIn.records("users").find((row) => row.attributes["username"] === username);
}

/** The operations the stand-in answered since `mark` (an index into its requests). */
const operationsSince = (mark: number): (string | undefined)[] =>
  standIn.requests.slice(mark).map((request) => request.operationId);

describe("synadm's commands routed to MAS", () => {
  it("user modify creates an absent user in MAS first, then sets the profile in Synapse", async () => {
    const mark = standIn.requests.length;
    const created = await synadm(
      "--batch",
      "user",
      "modify",
      "carol",
      "-P",
      "correct horse battery",
      "-n",
      "Carol C",
      "-v",
      "mxc://mas.test/avatar",
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stderr, /@carol:mas\.test does not exist yet; it will be created/);
    assert.deepEqual(operationsSince(mark).slice(0, 2), ["createUser", "setUserPassword"]);
    const password = standIn.requests.find((request) => request.operationId === "setUserPassword");
    assert.deepEqual(password?.requestBody, { password: "correct horse battery" });
    assert.ok(masUser("carol"), "carol is MAS's user");
    const carol = await synapseUser("carol");
    assert.equal(carol.displayname, "Carol C");
    assert.equal(carol.avatar_url, "mxc://mas.test/avatar");
    assert.equal(carol.deactivated, false);
    // synadm's shape: Synapse's user document.
    const shown = JSON.parse(created.stdout);
    assert.equal(shown.name, "@carol:mas.test");
    assert.equal(shown.displayname, "Carol C");
    assert.equal(shown.admin, false);
    assert.ok(!created.stdout.includes("correct horse"), "the password is not shown");
  });

  it("user modify of an existing user: admin flag and lock in MAS, display name in Synapse", async () => {
    const mark = standIn.requests.length;
    const changed = await ok("--batch", "user", "modify", "carol", "-a", "-l", "-n", "Carol");
    assert.deepEqual(
      operationsSince(mark).filter((name) => name !== "getUserByUsername"),
      ["userSetAdmin", "lockUser"],
    );
    assert.equal(masUser("carol")?.attributes["admin"], true);
    assert.ok(masUser("carol")?.attributes["locked_at"]);
    const carol = await synapseUser("carol");
    assert.equal(carol.locked, true);
    assert.equal(carol.admin, true, "Synapse's own flag matches MAS's");
    assert.equal(carol.displayname, "Carol");
    assert.equal(changed.admin, true, "the admin flag shown is MAS's");
    assert.equal(changed.locked, true);
    // The profile alone stays Synapse's: MAS is not asked.
    const profileMark = standIn.requests.length;
    const profile = await ok("--batch", "user", "modify", "carol", "-n", "Carol Profile");
    assert.equal(profile.displayname, "Carol Profile");
    assert.equal((await synapseUser("carol")).displayname, "Carol Profile");
    assert.deepEqual(operationsSince(profileMark), []);
    await ok("--batch", "user", "modify", "carol", "-u", "-L");
    assert.equal(masUser("carol")?.attributes["admin"], false);
    assert.equal(masUser("carol")?.attributes["locked_at"], null);
    assert.equal((await synapseUser("carol")).locked, false);
  });

  it("user modify's dry run and declined prompt change nothing, as synadm's", async () => {
    const mark = standIn.requests.length;
    const dry = await synadm("user", "modify", "carol", "-a", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Changes:\n {2}admin: true/);
    const declined = await runCli(["user", "modify", "carol", "-a"], { home, input: "n\n" });
    assert.notEqual(declined.code, 0);
    assert.match(declined.stderr, /Modify user @carol:mas\.test\?/);
    assert.deepEqual(operationsSince(mark), [], "MAS was not asked");
    assert.equal(masUser("carol")?.attributes["admin"], false);
  });

  it("user server-admin show, grant and revoke use MAS's admin flag, in synadm's shapes", async () => {
    assert.deepEqual(await ok("user", "server-admin", "show", "carol"), { admin: false });
    const dry = await synadm("user", "server-admin", "grant", "carol", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Would: Make @carol:mas\.test a server admin\./);
    assert.equal(masUser("carol")?.attributes["admin"], false);
    assert.deepEqual(await ok("--batch", "user", "server-admin", "grant", "carol"), {});
    assert.equal(masUser("carol")?.attributes["admin"], true);
    assert.equal((await synapseUser("carol")).admin, true, "Synapse's own flag matches MAS's");
    assert.deepEqual(await ok("user", "server-admin", "show", "@carol:mas.test"), { admin: true });
    assert.deepEqual(await ok("--batch", "user", "server-admin", "revoke", "carol"), {});
    assert.equal(masUser("carol")?.attributes["admin"], false);
    assert.equal((await synapseUser("carol")).admin, false);
    const missing = await synadm("user", "server-admin", "show", "nobody");
    assert.equal(missing.code, 1);
    assertOneLineError(missing.stderr, /MAS has no user nobody/);
  });

  it("user password sets it in MAS and ends the user's sessions there, unless --no-logout", async () => {
    const id = masUser("carol")!.id;
    const seedSessions = () => [
      standIn.seed("compat-sessions", { user_id: id, device_id: "CAROLDEV", finished_at: null }),
      standIn.seed("user-sessions", { user_id: id, finished_at: null }),
    ];
    const kept = seedSessions();
    const mark = standIn.requests.length;
    const noLogout = await synadm("user", "password", "carol", "-p", "another horse", "-n");
    assert.equal(noLogout.code, 0, noLogout.stderr);
    assert.deepEqual(JSON.parse(noLogout.stdout), {}, "synadm's answer: Synapse's {}");
    assert.match(noLogout.stderr, /sessions stay/);
    assert.ok(operationsSince(mark).includes("setUserPassword"));
    assert.equal(standIn.record("compat-sessions", kept[0]!)?.["finished_at"], null);
    assert.equal(standIn.record("user-sessions", kept[1]!)?.["finished_at"], null);

    const withLogout = await synadm("user", "password", "carol", "-p", "third horse");
    assert.equal(withLogout.code, 0, withLogout.stderr);
    assert.match(withLogout.stderr, /ended 2 active session\(s\) of @carol:mas\.test/);
    assert.ok(standIn.record("compat-sessions", kept[0]!)?.["finished_at"]);
    assert.ok(standIn.record("user-sessions", kept[1]!)?.["finished_at"]);
    const last = standIn.requests.filter((request) => request.operationId === "setUserPassword").at(-1);
    assert.deepEqual(last?.requestBody, { password: "third horse" });
    assert.ok(!withLogout.stderr.includes("third horse"));

    const before = standIn.requests.length;
    const dry = await synadm("user", "password", "carol", "-p", "x", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Would: Set a new password for @carol:mas\.test and log them out everywhere\./);
    assert.deepEqual(operationsSince(before), []);
  });

  it("user login makes a personal session in MAS whose token acts as the user on Synapse", async () => {
    const mark = standIn.requests.length;
    const login = await synadm("--batch", "user", "login", "carol", "-d", "2");
    assert.equal(login.code, 0, login.stderr);
    const answer = JSON.parse(login.stdout);
    assert.deepEqual(Object.keys(answer), ["access_token"], "synadm's shape");
    const create = standIn.requests.slice(mark).find((r) => r.operationId === "createPersonalSession");
    const body = create?.requestBody as Record<string, unknown>;
    assert.equal(body["actor_user_id"], masUser("carol")!.id);
    assert.equal(body["scope"], "urn:matrix:client:api:*");
    assert.equal(body["human_name"], "synadm user login @carol:mas.test");
    const expiresIn = body["expires_in"] as number;
    assert.ok(Math.abs(expiresIn - 2 * 86_400) <= 5, `expires_in ${expiresIn}`);
    const session = standIn.records("personal-sessions").at(-1)!;
    assert.match(login.stderr, new RegExp(`mas personal-session revoke ${session.id}`));
    assert.ok(!login.stderr.includes(answer.access_token), "the token is only on stdout");
    const whoami = await fetch(`${server.baseUrl}/_matrix/client/v3/account/whoami`, {
      headers: { authorization: `Bearer ${answer.access_token}` },
    });
    assert.equal(whoami.status, 200);
    assert.equal(((await whoami.json()) as { user_id: string }).user_id, "@carol:mas.test");

    const sessions = standIn.records("personal-sessions").length;
    await ok("--batch", "user", "login", "carol", "--expire-never");
    assert.equal(standIn.records("personal-sessions").length, sessions + 1);
    const never = standIn.requests.filter((r) => r.operationId === "createPersonalSession").at(-1);
    assert.ok(never);
    assert.equal((never.requestBody as Record<string, unknown>)["expires_in"], undefined);
    assert.equal(standIn.records("personal-sessions").at(-1)?.attributes["expires_at"], null);
    const past = await synadm("user", "login", "carol", "--expire-ts", "1000");
    assert.equal(past.code, 2);
    assert.match(past.stderr, /in the past/);
  });

  it("regtok new, details, list, update and delete use MAS's tokens, in synadm's shapes", async () => {
    const created = await ok("regtok", "new", "-n", "routed-tok", "-u", "3", "-t", "4102444800000");
    assert.deepEqual(created, {
      token: "routed-tok",
      uses_allowed: 3,
      pending: 0,
      completed: 0,
      expiry_time: 4102444800000,
    });
    const record = standIn
      .records("user-registration-tokens")
      .find((r) => r.attributes["token"] === "routed-tok");
    assert.equal(record?.attributes["usage_limit"], 3);
    assert.equal(record?.attributes["expires_at"], "2100-01-01T00:00:00.000Z");
    const generated = await ok("regtok", "new", "-l", "7");
    assert.match(generated.token, /^[A-Za-z0-9._~-]{7}$/);
    assert.equal(generated.uses_allowed, null);
    assert.equal(generated.expiry_time, null);

    assert.deepEqual(await ok("regtok", "details", "routed-tok", "--ts"), created);
    const listed = await ok("regtok", "list", "--ts");
    assert.deepEqual(
      listed.registration_tokens.map((token: { token: string }) => token.token).sort(),
      [generated.token, "routed-tok"].sort(),
    );
    assert.deepEqual(Object.keys(listed), ["registration_tokens"]);
    // Datetime mode converts expiry_time, as synadm does.
    assert.match((await ok("regtok", "details", "routed-tok")).expiry_time, /^2100-01-01|^2099-12-31/);

    const updated = await ok("--batch", "regtok", "update", "routed-tok", "-u", "-1", "-t", "-1");
    assert.equal(updated.uses_allowed, null);
    assert.equal(updated.expiry_time, null);
    assert.equal(record?.attributes["usage_limit"], null);
    assert.equal(record?.attributes["expires_at"], null);
    await ok("--batch", "regtok", "update", "routed-tok", "-u", "0");
    assert.equal(record?.attributes["usage_limit"], 0);
    // Used up: invalid.
    const valid = await ok("regtok", "list", "-v");
    assert.deepEqual(
      valid.registration_tokens.map((token: { token: string }) => token.token),
      [generated.token],
    );
    const invalid = await ok("regtok", "list", "-V");
    assert.deepEqual(
      invalid.registration_tokens.map((token: { token: string }) => token.token),
      ["routed-tok"],
    );

    const dry = await synadm("regtok", "delete", "routed-tok", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(record?.attributes["revoked_at"], null);
    const deleted = await synadm("regtok", "delete", "routed-tok");
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.deepEqual(JSON.parse(deleted.stdout), {});
    assert.match(deleted.stderr, /MAS cannot delete a registration token: routed-tok is revoked instead/);
    assert.ok(record?.attributes["revoked_at"], "revoked in MAS");
    // Deleted for synadm: gone from the list and not found.
    assert.deepEqual(
      (await ok("regtok", "list")).registration_tokens.map((token: { token: string }) => token.token),
      [generated.token],
    );
    const missing = await synadm("regtok", "details", "routed-tok");
    assert.equal(missing.code, 1);
    assertOneLineError(missing.stderr, /no registration token routed-tok in MAS/);
  });

  it("user deactivate deactivates in MAS, which deactivates in Synapse; -e erases there too", async () => {
    for (const name of ["dave", "eve"]) await ok("mas", "user", "create", name);
    const dry = await synadm("user", "deactivate", "dave", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Would deactivate @dave:mas\.test\./);
    assert.equal(masUser("dave")?.attributes["deactivated_at"], null);

    const done = await ok("--batch", "user", "deactivate", "dave");
    assert.deepEqual(done, { id_server_unbind_result: "success" }, "synadm's shape");
    assert.ok(masUser("dave")?.attributes["deactivated_at"]);
    assert.equal((await synapseUser("dave")).deactivated, true);
    assert.deepEqual(
      standIn.homeserverCalls.filter((call) => call.path === "delete_user").map((call) => call.body),
      [{ localpart: "dave", erase: false }],
    );
    await ok("--batch", "user", "deactivate", "-e", "eve");
    assert.equal((await synapseUser("eve")).deactivated, true);
    assert.deepEqual(standIn.homeserverCalls.filter((call) => call.path === "delete_user").at(-1)?.body, {
      localpart: "eve",
      erase: true,
    });
  });

  it("user deactivate-regex deactivates each match in MAS and Synapse", async () => {
    for (const name of ["spamx1", "spamx2"]) await ok("mas", "user", "create", name);
    const result = await synadm("--batch", "user", "deactivate-regex", "@spamx.*");
    assert.equal(result.code, 0, result.stderr);
    for (const name of ["spamx1", "spamx2"]) {
      assert.ok(masUser(name)?.attributes["deactivated_at"], `${name} in MAS`);
      assert.equal((await synapseUser(name)).deactivated, true, `${name} in Synapse`);
    }
    assert.equal((await synapseUser("carol")).deactivated, false);
  });

  it("user deactivate-many deactivates in MAS; user import creates accounts in MAS, never in Synapse alone", async () => {
    await ok("mas", "user", "create", "listed1");
    const many = await runCli(["--batch", "user", "deactivate-many", "-"], { home, input: "listed1\n" });
    assert.equal(many.code, 0, many.stderr);
    assert.ok(masUser("listed1")?.attributes["deactivated_at"]);
    assert.equal((await synapseUser("listed1")).deactivated, true);

    const csv =
      "user_id,displayname,password,admin\nimported1,Imported One,imported-pass-1,true\nimported2,,,\n";
    const result = await runCli(["--batch", "user", "import", "-"], { home, input: csv });
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as { done: Array<{ user_id: string; action: string }> };
    assert.deepEqual(
      summary.done.map((row) => row.action),
      ["created", "created"],
    );
    for (const name of ["imported1", "imported2"]) assert.ok(masUser(name), `${name} is MAS's`);
    assert.equal(masUser("imported1")?.attributes["admin"], true);
    assert.equal((await synapseUser("imported1")).displayname, "Imported One");
    // Rows may be imported side by side: each password is found by its user's MAS ID.
    const passwordOf = (name: string) =>
      standIn.requests.find((r) => r.operationId === "setUserPassword" && r.path.includes(masUser(name)!.id))
        ?.requestBody as { password: string } | undefined;
    assert.deepEqual(passwordOf("imported1"), { password: "imported-pass-1" });
    const generated = summary.done.find((row) => row.user_id === "@imported2:mas.test") as {
      password?: string;
    };
    assert.equal(passwordOf("imported2")?.password, generated.password, "the generated one, reported");
    assert.ok(!result.stdout.includes("imported-pass-1"), "a given password is not echoed");
  });

  it("incident contain deactivates the wave in MAS and rejects invites with a personal session, revoked after", async () => {
    for (const name of ["wave0", "wave1", "victim"]) await ok("mas", "user", "create", name);
    // The wave's own token, as MAS would have issued it after a login.
    const waveToken = standIn.issueToken("wave0", "urn:matrix:client:api:*");
    const created = await fetch(`${server.baseUrl}/_matrix/client/v3/createRoom`, {
      method: "POST",
      headers: { authorization: `Bearer ${waveToken}` },
      body: JSON.stringify({ name: "free stuff", invite: ["@victim:mas.test"] }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const { room_id: roomId } = (await created.json()) as { room_id: string };
    assert.equal((await memberships("victim"))[roomId], "invite");
    const sessions = standIn.records("personal-sessions").length;
    const result = await runCli(
      ["--batch", "incident", "contain", "--users", "@wave\\d", "--accounts", "deactivate", "--keep-rooms"],
      { home, timeoutMs: 120_000 },
    );
    assert.equal(result.code, 0, result.stderr + result.stdout);
    for (const name of ["wave0", "wave1"]) {
      assert.ok(masUser(name)?.attributes["deactivated_at"], `${name} in MAS`);
      assert.equal((await synapseUser(name)).deactivated, true, `${name} in Synapse`);
    }
    assert.equal(masUser("victim")?.attributes["deactivated_at"], null);
    const made = standIn.records("personal-sessions").slice(sessions);
    assert.equal(made.length, 1, "one personal session, for the victim's invite");
    assert.equal(made[0]?.attributes["actor_user_id"], masUser("victim")!.id);
    assert.ok(made[0]?.attributes["revoked_at"], "revoked right after");
    assert.equal((await memberships("victim"))[roomId], undefined, "the invite is gone");
  });

  it("user register creates the user in MAS, with password, admin flag and Synapse's display name", async () => {
    const mark = standIn.requests.length;
    const registered = await synadm(
      "user",
      "register",
      "frank",
      "-p",
      "frank's password",
      "-a",
      "-n",
      "Frank",
    );
    assert.equal(registered.code, 0, registered.stderr);
    assert.deepEqual(JSON.parse(registered.stdout), {
      access_token: null,
      user_id: "@frank:mas.test",
      home_server: "mas.test",
      device_id: null,
    });
    assert.match(registered.stderr, /MAS gives no access token at registration/);
    assert.deepEqual(operationsSince(mark).slice(0, 3), ["createUser", "setUserPassword", "userSetAdmin"]);
    assert.equal(masUser("frank")?.attributes["admin"], true);
    const frank = await synapseUser("frank");
    assert.equal(frank.displayname, "Frank");
    assert.equal(frank.admin, true);
    assert.equal(frank.deactivated, false);
  });

  it("user renew: MAS has no account validity; one line says so and what to use", async () => {
    const result = await synadm("user", "renew", "carol");
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /no account validity.*--lock.*user deactivate/);
  });

  it("a raw call of an endpoint Synapse leaves out is still explained, naming synadm's command", async () => {
    const result = await synadm("raw", "v1/registration_tokens");
    assert.equal(result.code, 1);
    assertOneLineError(
      result.stderr,
      /does not serve GET \/_synapse\/admin\/v1\/registration_tokens.*`synadm regtok`/,
    );
  });

  it("a MAS token MAS refuses: one line naming mas_token and the scope, never the token", async () => {
    const wrong = homeWithConfig(config("mas_wrong_token_value"));
    for (const args of [
      ["user", "server-admin", "show", "carol"],
      ["regtok", "list"],
    ]) {
      const result = await runCli(args, { home: wrong });
      assert.equal(result.code, 1);
      assertOneLineError(
        result.stderr,
        /mas_token or mas_token_command.*urn:mas:admin/,
        "mas_wrong_token_value",
      );
    }
  });
});
