import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TransportFailure } from "../../../src/api/transport.ts";
import { runInProcess as run } from "../../support/in-process.ts";

const CONFIG = "base_url: https://hs.example.org\ntoken: syt_secret\nformat: json\n";

describe("CLI main (fake transport)", () => {
  it("prints one JSON document on stdout and nothing on stderr", async () => {
    const result = await run(["version"], {
      config: CONFIG,
      script: [{ json: { server_version: "1.160.0" } }],
    });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '{\n    "server_version": "1.160.0"\n}\n');
    assert.equal(result.stderr, "");
    assert.equal(
      result.transport.requests[0]!.url.toString(),
      "https://hs.example.org/_synapse/admin/v1/server_version",
    );
    assert.equal(result.transport.requests[0]!.headers["authorization"], "Bearer syt_secret");
  });

  it("maps failures to exit codes with one line on stderr", async () => {
    const notFound = await run(["raw", "v2/users/%40x%3Ay"], {
      config: CONFIG,
      script: [{ status: 404, json: { errcode: "M_NOT_FOUND", error: "User not found" } }],
    });
    assert.equal(notFound.code, 1);
    assert.equal(
      notFound.stderr,
      "Error: GET /_synapse/admin/v2/users/%40x%3Ay failed: HTTP 404 M_NOT_FOUND: User not found\n",
    );
    const refused = new TransportFailure("connection", false, new Error("connect ECONNREFUSED"));
    const down = await run(["version"], { config: CONFIG, script: [refused, refused, refused] });
    assert.equal(down.code, 6);
    assert.match(
      down.stderr,
      /^Error: GET \/_synapse\/admin\/v1\/server_version failed: cannot reach https:\/\/hs\.example\.org: connect ECONNREFUSED\n$/,
    );
    const html = await run(["version"], {
      config: CONFIG,
      script: [{ status: 200, body: "<html></html>", headers: { "content-type": "text/html" } }],
    });
    assert.equal(html.code, 7);
  });

  it("sends matrix raw with the MTOKEN token and the configured token otherwise", async () => {
    const withToken = await run(["matrix", "raw", "client/v3/account/whoami"], {
      config: CONFIG,
      env: { MTOKEN: "syt_user" },
      script: [{ json: {} }],
    });
    assert.equal(withToken.transport.requests[0]!.headers["authorization"], "Bearer syt_user");
    assert.equal(withToken.transport.requests[0]!.url.pathname, "/_matrix/client/v3/account/whoami");
    const prompted = await run(["matrix", "raw", "-p", "client/versions"], {
      config: CONFIG,
      input: "syt_typed\n",
      script: [{ json: {} }],
    });
    assert.equal(prompted.transport.requests[0]!.headers["authorization"], "Bearer syt_typed");
    assert.doesNotMatch(prompted.stderr, /syt_typed/);
  });

  it("sends raw bodies only for non-GET methods, parsed before sending", async () => {
    const post = await run(["raw", "-m", "put", "v1/x", "-d", '{"a": [1]}'], {
      config: CONFIG,
      script: [{ json: {} }],
    });
    assert.equal(post.transport.requests[0]!.method, "PUT");
    assert.equal(post.transport.requests[0]!.body, '{"a":[1]}');
    const get = await run(["raw", "v1/x", "-d", '{"a": 1}'], { config: CONFIG, script: [{ json: {} }] });
    assert.equal(get.transport.requests[0]!.body, undefined);
    const bad = await run(["raw", "-m", "post", "v1/x", "-d", "{"], { config: CONFIG });
    assert.equal(bad.code, 2);
    assert.equal(bad.transport.requests.length, 0);
  });

  it("uses whoami to expand a bare localpart, and caches the server name", async () => {
    const login = { user_id: "@alice:example.org", access_token: "syt_new", device_id: "DEV" };
    const result = await run(["matrix", "login", "alice", "-p", "pw"], {
      config: CONFIG,
      script: [{ json: { user_id: "@admin:example.org" } }, { json: login }],
    });
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.transport.requests[1]!.body!);
    assert.deepEqual(body.identifier, { type: "m.id.user", user: "@alice:example.org" });
    assert.equal(result.transport.requests[1]!.headers["authorization"], undefined);
    const cache = JSON.parse(
      readFileSync(join(result.home, ".cache", "synadm", "server-names.json"), "utf8"),
    );
    assert.equal(cache["https://hs.example.org"].name, "example.org");
  });

  it("writes a batch config with mode 0600, keeping comments of an existing file", async () => {
    const result = await run(["--batch", "config", "-t", "syt_new", "-n", "example.org"], {
      config: "# mine\nbase_url: https://hs.example.org\ntoken: old\n",
    });
    assert.equal(result.code, 0, result.stderr);
    const file = join(result.home, ".config", "synadm.yaml");
    const text = readFileSync(file, "utf8");
    assert.match(text, /^# mine\nbase_url: https:\/\/hs\.example\.org\ntoken: syt_new\n/);
    assert.match(text, /^homeserver: example\.org$/m);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(result.stderr, /Configuration saved to/);
  });

  it("warns about unknown keys with their line, and lets SYNADM_* override the file", async () => {
    const result = await run(["version"], {
      config: `${CONFIG}colour: blue\n`,
      env: { SYNADM_BASE_URL: "https://other.example.org", SYNADM_FORMAT: "minified" },
      script: [{ json: { server_version: "1" } }],
    });
    assert.equal(result.code, 0);
    assert.match(result.stderr, /line 4: unknown key "colour" ignored/);
    assert.equal(result.stdout, '{"server_version":"1"}\n');
    assert.equal(result.transport.requests[0]!.url.host, "other.example.org");
  });

  it("prints help on stdout for --help and on stderr with exit 2 for a bare group", async () => {
    const help = await run(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: synadm \[OPTIONS\] COMMAND \[ARGS\]\.\.\./);
    const bare = await run(["matrix"]);
    assert.equal(bare.code, 2);
    assert.equal(bare.stdout, "");
    assert.match(bare.stderr, /Commands:\n {2}login/);
    const version = await run(["--version"]);
    assert.match(version.stdout, /^synadm, version \S+\n$/);
  });
});

describe("CLI limits (fake transport)", () => {
  it("refuses a --timeout above Node's timer limit before any request", async () => {
    for (const argv of [
      ["--timeout", "3000000", "version"],
      ["version", "--timeout", "2147484"],
    ]) {
      const result = await run(argv, { config: CONFIG });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^Error: invalid value for --timeout: \d+ is above the maximum 2147483/);
      assert.equal(result.transport.requests.length, 0);
    }
    const configured = await run(["version"], { config: `${CONFIG}timeout: 3000000\n` });
    assert.equal(configured.code, 2);
    assert.match(
      configured.stderr,
      /"timeout" has the value 3000000; expected a number of seconds above 0 up to 2147483/,
    );
    const fromEnv = await run(["version"], { config: CONFIG, env: { SYNADM_TIMEOUT: "3000000" } });
    assert.equal(fromEnv.code, 2);
    assert.equal(fromEnv.transport.requests.length, 0);
  });

  it("fails with one line when the server asks to wait longer than --max-wait or max_wait", async () => {
    const limited = {
      status: 429,
      json: { errcode: "M_LIMIT_EXCEEDED", error: "Slow down", retry_after_ms: 3_600_000 },
    };
    for (const [argv, config] of [
      [["--timeout", "100000", "version"], CONFIG],
      [["--timeout", "100000", "--max-wait", "20", "version"], CONFIG],
      [["--timeout", "100000", "version"], `${CONFIG}max_wait: 20\n`],
    ] as const) {
      const result = await run([...argv], { config, script: [limited] });
      assert.equal(result.code, 1, result.stderr);
      const allowed =
        (argv as readonly string[]).includes("--max-wait") || config.includes("max_wait") ? "20 s" : "300 s";
      assert.equal(
        result.stderr,
        `Error: GET /_synapse/admin/v1/server_version failed: HTTP 429 M_LIMIT_EXCEEDED: Slow down (server asks to wait 3600 s, longer than the ${allowed} allowed)\n`,
      );
      assert.equal(result.transport.requests.length, 1);
    }
  });

  it("hands the response size limit to the transport: 64 MiB, or --max-response-mib / max_response_mib", async () => {
    const answer = { json: { server_version: "1" } };
    const plain = await run(["version"], { config: CONFIG, script: [answer] });
    assert.equal(plain.transport.requests[0]!.maxResponseBytes, 64 * 2 ** 20);
    const option = await run(["--max-response-mib", "2", "version"], { config: CONFIG, script: [answer] });
    assert.equal(option.transport.requests[0]!.maxResponseBytes, 2 * 2 ** 20);
    const configured = await run(["version"], { config: `${CONFIG}max_response_mib: 3\n`, script: [answer] });
    assert.equal(configured.transport.requests[0]!.maxResponseBytes, 3 * 2 ** 20);
    const refused = await run(["--max-response-mib", "0", "version"], { config: CONFIG });
    assert.equal(refused.code, 2);
  });

  it("refuses IDs '', '.' and '..' as bad input before any request", async () => {
    for (const id of ["", ".", ".."]) {
      const result = await run(["--batch", "regtok", "delete", id], { config: CONFIG });
      assert.equal(result.code, 2, `${JSON.stringify(id)}: ${result.stderr}`);
      assert.match(result.stderr, /^Error: invalid path .*an ID cannot be empty, "\." or "\.\."\n$/);
      assert.equal(result.transport.requests.length, 0);
    }
  });
});
