// `synadm mas ...` run as the built CLI against the MAS stand-in (test/support/mas-stand-in.ts),
// which checks every request and answer against MAS's OpenAPI description; and the detection
// of auth delegation against the real test Synapse, which does not delegate.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import { homeWithConfig, runCli } from "../support/cli.ts";
import { MAS_OPENAPI, MasStandIn } from "../support/mas-stand-in.ts";
import { configYaml, testServer } from "../support/server.ts";

const standIn = new MasStandIn({ token: "mas_admin_secret_token" });
let home = "";
let masUrl = "";

async function mas(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string; json: any }> {
  const result = await runCli(["-o", "json", "mas", ...args], { home });
  let json: unknown;
  try {
    json = result.stdout === "" ? undefined : JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  return { ...result, json };
}

async function ok(...args: string[]): Promise<any> {
  const result = await mas(...args);
  assert.equal(result.code, 0, `synadm mas ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

before(async () => {
  masUrl = await standIn.listen();
  home = homeWithConfig(configYaml({ format: "json", mas_url: masUrl, mas_token: standIn.token }));
});
after(() => standIn.close());
afterEach(() => {
  assert.deepEqual(standIn.violations.splice(0), [], "requests or answers outside MAS's OpenAPI description");
});

describe("synadm mas, against the MAS stand-in", () => {
  it("version and site-config", async () => {
    assert.deepEqual(await ok("version"), { version: "1.20.0-stand-in" });
    assert.equal((await ok("site-config")).server_name, "example.org");
  });

  it("user: create, show, lock (asking first), unlock, admin, password, deactivate, reactivate", async () => {
    const created = await ok("user", "create", "alice");
    const id = created.data.id as string;
    assert.equal((await ok("user", "show", "@alice:example.org")).data.id, id);
    assert.equal((await ok("user", "show", id)).data.attributes.username, "alice");

    const refused = await mas("user", "lock", "alice");
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Lock alice in MAS\?/);
    assert.equal(standIn.record("users", id)!["locked_at"], null);
    await ok("user", "lock", "--dry-run", "alice");
    assert.equal(standIn.record("users", id)!["locked_at"], null);
    assert.ok((await ok("--batch", "user", "lock", "alice")).data.attributes.locked_at);
    assert.equal((await ok("user", "unlock", "alice")).data.attributes.locked_at, null);

    assert.equal((await ok("--batch", "user", "set-admin", "alice")).data.attributes.admin, true);
    assert.equal(
      (await ok("--batch", "user", "set-admin", "--revoke", "alice")).data.attributes.admin,
      false,
    );

    const password = await mas("user", "set-password", "alice", "-p", "correct horse battery staple");
    assert.equal(password.code, 0, password.stderr);
    assert.equal(password.stdout, "");
    assert.match(password.stderr, /password of alice is set/);
    assert.ok(standIn.record("users", id)!["password_set_at"]);

    assert.ok(
      (await ok("--batch", "user", "deactivate", "--skip-erase", "alice")).data.attributes.deactivated_at,
    );
    const deactivate = standIn.requests.findLast((request) => request.operationId === "deactivateUser");
    assert.deepEqual(deactivate?.requestBody, { skip_erase: true });
    assert.equal((await ok("user", "reactivate", "alice")).data.attributes.deactivated_at, null);

    const taken = await mas("user", "create", "alice");
    assert.notEqual(taken.code, 0);
    assert.match(taken.stderr, /HTTP 409: User "alice" already exists/);
  });

  it("user list: one page saying how to go on, --after, filters, and --all streamed", async () => {
    for (let i = 0; i < 14; i++) standIn.seedUser(`paged${String(i).padStart(2, "0")}`, { admin: i < 3 });
    const page = await mas("user", "list", "-n", "paged", "-l", "5");
    assert.equal(page.code, 0, page.stderr);
    assert.equal(page.json.data.length, 5);
    assert.equal(page.json.meta.count, 14);
    const last = page.json.data[4].id as string;
    assert.match(page.stderr, new RegExp(`More: use --after ${last}, or --all`));
    const next = await ok("user", "list", "-n", "paged", "-l", "5", "--after", last);
    assert.equal(next.data[0].attributes.username, "paged05");
    assert.equal((await ok("user", "list", "-n", "paged", "--admins")).data.length, 3);

    const all = await runCli(["-o", "ndjson", "mas", "user", "list", "-n", "paged", "-l", "4", "--all"], {
      home,
    });
    assert.equal(all.code, 0, all.stderr);
    const names = all.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).attributes.username);
    assert.equal(names.length, 14);
    assert.equal(new Set(names).size, 14);
    const human = await runCli(["-o", "human", "mas", "user", "list", "-n", "paged00"], { home });
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^id +created_at +username +admin/);
    assert.match(human.stdout, /paged00 +True/);
    const streamed = await ok("user", "list", "-n", "paged", "-l", "4", "--all");
    assert.equal(streamed.data.length, 14);
    assert.equal(streamed.meta.count, 14);
  });

  it("email: add, list, show, remove", async () => {
    await ok("user", "create", "bob");
    const added = await ok("email", "add", "bob", "bob@example.org");
    assert.equal((await ok("email", "list", "-u", "bob")).data[0].attributes.email, "bob@example.org");
    assert.equal((await ok("email", "show", added.data.id)).data.attributes.email, "bob@example.org");
    const removed = await mas("--batch", "email", "remove", added.data.id);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(standIn.record("user-emails", added.data.id), undefined);
  });

  it("sessions of the three kinds: list, show, finish; a second finish fails with MAS's title", async () => {
    const user = (await ok("user", "create", "carol")).data.id as string;
    const ids = {
      "browser-session": standIn.seed("user-sessions", { user_id: user, finished_at: null }),
      "compat-session": standIn.seed("compat-sessions", {
        user_id: user,
        device_id: "CAROLDEV",
        finished_at: null,
      }),
      "oauth2-session": standIn.seed("oauth2-sessions", {
        user_id: user,
        client_id: "01J0000000000000000000C11E",
        scope: "openid",
        finished_at: null,
      }),
    };
    for (const [kind, id] of Object.entries(ids)) {
      assert.equal((await ok(kind, "list", "-u", "carol", "-s", "active")).data[0].id, id);
      assert.equal((await ok(kind, "show", id)).data.id, id);
      assert.ok((await ok("--batch", kind, "finish", id)).data.attributes.finished_at);
      const again = await mas("--batch", kind, "finish", id);
      assert.notEqual(again.code, 0);
      assert.match(again.stderr, /HTTP 400: Session already finished/);
      assert.deepEqual((await ok(kind, "list", "-u", "carol", "-s", "active")).data, []);
    }
  });

  it("personal-session: create prints the token once; show, regenerate, list, revoke", async () => {
    await ok("user", "create", "dave");
    const created = await ok("personal-session", "create", "dave", "-n", "support", "-e", "600");
    const id = created.data.id as string;
    assert.match(created.data.attributes.access_token, /^mpt_/);
    assert.equal(created.data.attributes.scope, "urn:matrix:client:api:*");
    assert.equal((await ok("personal-session", "show", id)).data.attributes.access_token, null);
    const regenerated = await ok("personal-session", "regenerate", id);
    assert.notEqual(regenerated.data.attributes.access_token, created.data.attributes.access_token);
    assert.equal((await ok("personal-session", "list", "-u", "dave")).data.length, 1);
    assert.ok((await ok("--batch", "personal-session", "revoke", id)).data.attributes.revoked_at);
    assert.equal((await ok("personal-session", "list", "-s", "revoked")).data.length, 1);
  });

  it("regtok: new, show, list, update, revoke, unrevoke", async () => {
    const created = await ok("regtok", "new", "-n", "welcome2031", "-u", "10", "-e", "2031-01-01");
    const id = created.data.id as string;
    assert.equal(created.data.attributes.token, "welcome2031");
    assert.equal(created.data.attributes.expires_at, "2031-01-01T00:00:00Z");
    assert.equal((await ok("regtok", "show", id)).data.attributes.usage_limit, 10);
    assert.equal((await ok("regtok", "update", id, "--unlimited")).data.attributes.usage_limit, null);
    assert.equal((await ok("regtok", "update", id, "--no-expiry")).data.attributes.expires_at, null);
    assert.ok((await ok("--batch", "regtok", "revoke", id)).data.attributes.revoked_at);
    assert.equal((await ok("regtok", "list", "--revoked")).data.length, 1);
    assert.equal((await ok("--batch", "regtok", "unrevoke", id)).data.attributes.revoked_at, null);
    assert.equal((await ok("regtok", "list", "-v")).data.length, 1);
    const bad = await mas("regtok", "new", "-e", "someday");
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /not a date and time/);
  });

  it("oauth2-client, upstream-provider and upstream-link", async () => {
    const client = standIn.seed("oauth2-clients", {
      client_id: "01J0000000000000000000C11E",
      client_name: "automation",
      redirect_uris: [],
      grant_types: ["client_credentials"],
      is_static: true,
    });
    assert.equal((await ok("oauth2-client", "list", "-n", "automation")).data[0].id, client);
    assert.equal((await ok("oauth2-client", "show", client)).data.attributes.client_name, "automation");

    const provider = standIn.seed("upstream-oauth-providers", {
      issuer: "https://idp.example.org",
      registration_token_required: false,
      disabled_at: null,
    });
    assert.equal((await ok("upstream-provider", "list", "--enabled")).data[0].id, provider);
    assert.equal(
      (await ok("upstream-provider", "show", provider)).data.attributes.issuer,
      "https://idp.example.org",
    );

    await ok("user", "create", "erin");
    const link = await ok("upstream-link", "add", "erin", provider, "sub-4711", "-n", "erin@idp");
    assert.equal((await ok("upstream-link", "list", "-u", "erin")).data[0].attributes.subject, "sub-4711");
    assert.equal(
      (await ok("upstream-link", "show", link.data.id)).data.attributes.human_account_name,
      "erin@idp",
    );
    const removed = await mas("--batch", "upstream-link", "remove", link.data.id);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(standIn.records("upstream-oauth-links").length, 0);
  });

  it("policy-data: set from a file or stdin, show the latest or one by ID", async () => {
    const file = join(home, "policy.json");
    writeFileSync(file, JSON.stringify({ admin_clients: ["01J0000000000000000000C11E"] }));
    const set = await ok("--batch", "policy-data", "set", file);
    assert.deepEqual((await ok("policy-data", "show")).data.attributes.data, {
      admin_clients: ["01J0000000000000000000C11E"],
    });
    const piped = await runCli(["-o", "json", "--batch", "mas", "policy-data", "set", "-"], {
      home,
      input: '{"admin_users": ["alice"]}',
    });
    assert.equal(piped.code, 0, piped.stderr);
    assert.deepEqual((await ok("policy-data", "show")).data.attributes.data, { admin_users: ["alice"] });
    assert.equal((await ok("policy-data", "show", set.data.id)).data.id, set.data.id);
  });

  it("together, the commands above called every operation of the description, each answered 2xx", () => {
    const ok = new Set(standIn.requests.filter((r) => r.status < 300).map((r) => r.operationId));
    const all = Object.values(MAS_OPENAPI.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    assert.deepEqual(
      all.filter((id) => !ok.has(id)),
      [],
    );
  });
});

describe("synadm mas: where MAS is and which token", () => {
  it("takes the token from SYNADM_MAS_TOKEN or mas_token_command, never printing it", async () => {
    const bare = homeWithConfig(configYaml({ format: "json", mas_url: masUrl }));
    const missing = await runCli(["mas", "version"], { home: bare });
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /no token for MAS's admin API: set mas_token or mas_token_command/);
    const fromEnv = await runCli(["mas", "version"], {
      home: bare,
      env: { SYNADM_MAS_TOKEN: standIn.token },
    });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    const tokenFile = join(bare, "mas-token");
    writeFileSync(tokenFile, `${standIn.token}\nnotes below\n`);
    const fromCommand = await runCli(["-v", "mas", "version"], {
      home: bare,
      env: { SYNADM_MAS_TOKEN_COMMAND: `cat ${tokenFile}` },
    });
    assert.equal(fromCommand.code, 0, fromCommand.stderr);
    assert.ok(!fromCommand.stderr.includes(standIn.token), "the token appears in verbose output");
    const wrong = await runCli(["mas", "version"], { home: bare, env: { SYNADM_MAS_TOKEN: "wrong" } });
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /HTTP 401: Missing or invalid access token/);
  });

  it("without mas_url, asks the homeserver; the test Synapse delegates nothing, which is cached", async () => {
    const plain = homeWithConfig(configYaml({ format: "json", mas_token: standIn.token }));
    const refused = await runCli(["mas", "version"], { home: plain });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /does not delegate auth to the Matrix Authentication Service; set mas_url/);
    const cache = JSON.parse(readFileSync(join(plain, ".cache", "synadm", "auth-delegation.json"), "utf8"));
    assert.deepEqual(cache[testServer().baseUrl].delegation, { delegated: false });
  });
});

describe("user lists on a server without MAS", () => {
  it("ask once whether the server delegates auth, then go on as before", async () => {
    const plain = homeWithConfig(configYaml({ format: "json" }));
    const cacheFile = join(plain, ".cache", "synadm", "auth-delegation.json");
    const first = await runCli(["user", "list", "-l", "1"], { home: plain });
    assert.equal(first.code, 0, first.stderr);
    assert.ok(JSON.parse(first.stdout).users.length >= 1);
    const cached = readFileSync(cacheFile, "utf8");
    assert.deepEqual(JSON.parse(cached)[testServer().baseUrl].delegation, { delegated: false });
    const again = await runCli(["user", "search", "admin"], { home: plain });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(cacheFile, "utf8"), cached, "the cached answer is used, not asked again");
  });

  it("synadm's account commands ask once too, then make no extra request: they stay Synapse's", async () => {
    const plain = homeWithConfig(configYaml({ format: "json" }));
    const first = await runCli(["-v", "regtok", "list"], { home: plain });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /auth_metadata/);
    for (const args of [
      ["regtok", "list"],
      ["user", "server-admin", "show", "admin"],
    ]) {
      const again = await runCli(["-v", ...args], { home: plain });
      assert.equal(again.code, 0, again.stderr);
      assert.doesNotMatch(again.stderr, /auth_metadata/, args.join(" "));
      assert.match(again.stderr, /\/_synapse\/admin\/v1\//, "asked Synapse, as without MAS");
    }
  });
});
