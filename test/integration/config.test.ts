import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assertOneLineError as assertLine, freshHome, homeWithConfig, runCli } from "../support/cli.ts";
import { adminApi, configYaml, runReference, testServer } from "../support/server.ts";
import { freePort } from "../support/synapse.ts";
import { startTlsProxy, type TlsProxy } from "../support/tls-proxy.ts";

const server = testServer();

function assertOneLineError(stderr: string, pattern: RegExp): void {
  assertLine(stderr, pattern, server.token);
}

describe("version and output formats", () => {
  const home = homeWithConfig(configYaml());

  it("prints the server version as YAML by default", async () => {
    const result = await runCli(["version"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "server_version: 1.160.0\n");
    assert.equal(result.stderr, "");
  });

  it("prints the same JSON document as the reference synadm for version and raw", async () => {
    for (const args of [["version"], ["raw", "v1/server_version"]]) {
      const ours = await runCli(["-o", "json", ...args], { home });
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(reference.code, 0, reference.stderr);
      assert.equal(ours.stdout, reference.stdout);
    }
  });

  it("prints every one of the five formats, by name and by prefix", async () => {
    const expected: Record<string, string> = {
      json: '{\n    "server_version": "1.160.0"\n}\n',
      minified: '{"server_version":"1.160.0"}\n',
      yaml: "server_version: 1.160.0\n",
      human: "server_version  1.160.0\n",
      pprint: "{'server_version': '1.160.0'}\n",
    };
    for (const [format, output] of Object.entries(expected)) {
      for (const spelling of [format, format[0]!]) {
        const result = await runCli(["-o", spelling, "version"], { home });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, output, `-o ${spelling}`);
      }
    }
  });

  it("takes the default format from the configuration and global options after the command", async () => {
    const jsonHome = homeWithConfig(configYaml({ format: "minified" }));
    assert.equal((await runCli(["version"], { home: jsonHome })).stdout, '{"server_version":"1.160.0"}\n');
    assert.equal(
      (await runCli(["version", "-o", "json"], { home: jsonHome })).stdout,
      '{\n    "server_version": "1.160.0"\n}\n',
    );
  });
});

describe("configuration", () => {
  it("works unchanged with a synadm.yaml written by the reference synadm", async () => {
    const written = await runReference(
      [
        "--batch",
        "config",
        "-u",
        "admin",
        "-t",
        server.token,
        "-b",
        server.baseUrl,
        "--protocol",
        "http",
        "-p",
        "/_synapse/admin",
        "-m",
        "/_matrix",
        "-w",
        "20",
        "-o",
        "json",
        "-d",
        "well-known",
        "-n",
        "auto-retrieval",
        "-i",
      ],
      null,
    );
    assert.equal(written.code, 0, written.stderr);
    assert.ok(written.configAfter, "the reference wrote a config file");
    const home = homeWithConfig(written.configAfter);
    const result = await runCli(["version"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '{\n    "server_version": "1.160.0"\n}\n');
  });

  it("writes the file non-interactively with mode 0600, and it works", async () => {
    const home = freshHome();
    const result = await runCli(
      ["--batch", "config", "-u", "admin", "-t", server.token, "-b", server.baseUrl],
      { home },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "");
    const file = join(home, ".config", "synadm.yaml");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, "utf8");
    assert.match(text, /^admin_path: \/_synapse\/admin$/m);
    assert.match(text, new RegExp(`^base_url: ${server.baseUrl}$`, "m"));
    assert.match(text, /^format: yaml$/m);
    const version = await runCli(["-o", "minified", "version"], { home });
    assert.equal(version.stdout, '{"server_version":"1.160.0"}\n');
  });

  it("refuses a batch config without a token (exit 3) and writes nothing", async () => {
    const home = freshHome();
    const result = await runCli(["--batch", "config", "-b", server.baseUrl], { home });
    assert.equal(result.code, 3);
    assertOneLineError(result.stderr, /needs a value for token \(-t\)/);
    assert.equal(existsSync(join(home, ".config", "synadm.yaml")), false);
  });

  it("asks every question interactively, hiding the token, and keeps defaults on empty answers", async () => {
    const home = freshHome();
    const answers = ["admin", server.token, server.baseUrl, "", "", "json", "15", "", "", ""].join("\n");
    const result = await runCli(["config"], { home, input: `${answers}\n` });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /access token \[NOT SET\]: /);
    assert.doesNotMatch(result.stderr + result.stdout, new RegExp(server.token));
    const text = readFileSync(join(home, ".config", "synadm.yaml"), "utf8");
    assert.match(text, /^timeout: 15$/m);
    assert.match(text, /^format: json$/m);
    assert.match(text, /^admin_path: \/_synapse\/admin$/m);
    const version = await runCli(["version"], { home });
    assert.equal(version.stdout, '{\n    "server_version": "1.160.0"\n}\n');
  });

  it("stops with a clear message, not a hang, when stdin closes mid-configuration", async () => {
    const result = await runCli(["config"], { home: freshHome(), input: "admin\n" });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Error: no answer: standard input is closed/);
  });

  it("reads SYNADM_* variables without any file, and SYNADM_CONFIG names the file", async () => {
    const env = { SYNADM_TOKEN: server.token, SYNADM_BASE_URL: server.baseUrl, SYNADM_FORMAT: "minified" };
    const result = await runCli(["version"], { home: freshHome(), env });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '{"server_version":"1.160.0"}\n');
    const home = homeWithConfig(configYaml({ format: "json" }));
    const elsewhere = await runCli(["version"], {
      env: { SYNADM_CONFIG: join(home, ".config", "synadm.yaml") },
    });
    assert.equal(elsewhere.stdout, '{\n    "server_version": "1.160.0"\n}\n');
  });

  it("explains a missing configuration in one line (exit 2)", async () => {
    const result = await runCli(["version"], { home: freshHome() });
    assert.equal(result.code, 2);
    assertOneLineError(result.stderr, /not configured: .*synadm\.yaml does not exist; run "synadm config"/);
  });

  it("names the line of a broken configuration file", async () => {
    const broken = await runCli(["version"], { home: homeWithConfig("token: abc\nbase_url: a: b\n") });
    assert.equal(broken.code, 2);
    assertOneLineError(
      broken.stderr,
      /not valid YAML \(line 2\): Nested mappings are not allowed in compact mappings$/,
    );
    const wrongType = await runCli(["version"], { home: homeWithConfig(`${configYaml()}timeout: soon\n`) });
    assert.equal(wrongType.code, 2);
    assertOneLineError(wrongType.stderr, /line 11: "timeout" has the value "soon"; expected a number/);
  });

  it("needs no configuration for help", async () => {
    const result = await runCli(["matrix", "login", "--help"], { home: freshHome() });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: synadm matrix login \[OPTIONS\] USER_ID/);
  });
});

describe("failures exit non-zero with one clear line", () => {
  it("401: a bad token", async () => {
    const result = await runCli(["raw", "v1/registration_tokens"], {
      home: homeWithConfig(configYaml({ token: "syt_not_a_token" })),
    });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    assertOneLineError(
      result.stderr,
      /GET \/_synapse\/admin\/v1\/registration_tokens failed: HTTP 401 M_UNKNOWN_TOKEN: .*check it with 'synadm config'/,
    );
  });

  it("404: an unknown user through raw", async () => {
    const home = homeWithConfig(configYaml());
    const result = await runCli(["raw", "v2/users/%40nobody%3Asynadm.test"], { home });
    assert.equal(result.code, 1);
    assertOneLineError(
      result.stderr,
      /GET \/_synapse\/admin\/v2\/users\/%40nobody%3Asynadm\.test failed: HTTP 404 M_NOT_FOUND: User not found/,
    );
  });

  it("an unreachable server", async () => {
    const port = await freePort();
    const home = homeWithConfig(configYaml({ base_url: `http://127.0.0.1:${port}` }));
    const result = await runCli(["version"], { home });
    assert.equal(result.code, 6);
    assertOneLineError(
      result.stderr,
      new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
  });

  it("bad input is refused before any request (an unreachable server proves nothing was sent)", async () => {
    const port = await freePort();
    const home = homeWithConfig(configYaml({ base_url: `http://127.0.0.1:${port}` }));
    const cases: Array<[string[], RegExp]> = [
      [["raw", "-m", "post", "-d", "{bad", "v1/x"], /the body from --data is not valid JSON/],
      [["-o", "xml", "version"], /"xml" is not one of yaml, json, minified, human, pprint/],
      [["versoin"], /no such command "versoin" \(did you mean "version"\?\)/],
      [["raw"], /missing argument ENDPOINT/],
      [["raw", "--methd", "get", "v1/x"], /no such option --methd \(did you mean "--method"\?\)/],
      [["config", "-w", "soon"], /"soon" is not a whole number/],
      [["matrix", "login", "not a user"], /invalid user "not a user"/],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args, { home });
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assertOneLineError(result.stderr, pattern);
    }
  });

  it("-vv adds the stack trace but never the token", async () => {
    const result = await runCli(["-vv", "raw", "v1/registration_tokens"], {
      home: homeWithConfig(configYaml({ token: "syt_not_a_token" })),
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /\n\s+at /);
    assert.match(result.stderr, /authorization: Bearer <redacted>/);
    assert.doesNotMatch(result.stderr + result.stdout, /syt_not_a_token/);
  });
});

describe("TLS verification", () => {
  let proxy: TlsProxy;
  before(async () => {
    proxy = await startTlsProxy(server.baseUrl);
  });
  after(async () => {
    await proxy.close();
  });

  it("rejects a self-signed certificate by default and accepts it with ssl_verify: false", async () => {
    const strict = await runCli(["version"], { home: homeWithConfig(configYaml({ base_url: proxy.url })) });
    assert.equal(strict.code, 6);
    assertOneLineError(strict.stderr, /self[- ]signed certificate/);
    const relaxed = await runCli(["version"], {
      home: homeWithConfig(configYaml({ base_url: proxy.url, ssl_verify: false })),
    });
    assert.equal(relaxed.code, 0, relaxed.stderr);
    assert.equal(relaxed.stdout, "server_version: 1.160.0\n");
    assert.match(relaxed.stderr, /TLS certificate verification is off/);
  });
});

describe("raw and matrix", () => {
  const home = homeWithConfig(configYaml({ format: "json" }));

  it("raw POST creates a registration token that the server then has", async () => {
    const token = `t${Date.now()}`;
    const result = await runCli(
      ["raw", "-m", "post", "v1/registration_tokens/new", "-d", JSON.stringify({ token, uses_allowed: 3 })],
      { home },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { token: string }).token, token);
    const state = await adminApi("GET", `/v1/registration_tokens/${token}`);
    assert.equal(state.status, 200);
    assert.equal((state.json as { uses_allowed: number }).uses_allowed, 3);
  });

  it("raw reads the body from a file or stdin, and --dry-run sends nothing", async () => {
    const token = `s${Date.now()}`;
    const result = await runCli(["raw", "-m", "post", "-f", "-", "v1/registration_tokens/new"], {
      home,
      input: JSON.stringify({ token }),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await adminApi("GET", `/v1/registration_tokens/${token}`)).status, 200);
    const dry = `d${Date.now()}`;
    const dryRun = await runCli(
      ["raw", "--dry-run", "-m", "post", "v1/registration_tokens/new", "-d", JSON.stringify({ token: dry })],
      { home },
    );
    assert.equal(dryRun.code, 0, dryRun.stderr);
    assert.match(dryRun.stderr, /Would send POST \/_synapse\/admin\/v1\/registration_tokens\/new with body/);
    assert.equal((await adminApi("GET", `/v1/registration_tokens/${dry}`)).status, 404);
  });

  it("matrix login creates a device named for synadm, expanding a bare localpart and caching the server name", async () => {
    assert.ok(server.adminPassword, "the test server's admin password is needed (set by 'npm test')");
    const loginHome = homeWithConfig(configYaml({ format: "json" }));
    const result = await runCli(["matrix", "login", "admin", "-p", server.adminPassword], {
      home: loginHome,
    });
    assert.equal(result.code, 0, result.stderr);
    const login = JSON.parse(result.stdout) as { user_id: string; access_token: string; device_id: string };
    assert.equal(login.user_id, `@admin:${server.serverName}`);
    const devices = await adminApi("GET", `/v2/users/${encodeURIComponent(login.user_id)}/devices`);
    const device = (
      devices.json as { devices: Array<{ device_id: string; display_name: string }> }
    ).devices.find((d) => d.device_id === login.device_id);
    assert.equal(device?.display_name, "synadm matrix login command");
    const cache = JSON.parse(readFileSync(join(loginHome, ".cache", "synadm", "server-names.json"), "utf8"));
    assert.equal(cache[server.baseUrl].name, server.serverName);

    const whoami = await runCli(["matrix", "raw", "client/v3/account/whoami"], {
      home,
      env: { MTOKEN: login.access_token },
    });
    assert.equal(whoami.code, 0, whoami.stderr);
    assert.equal((JSON.parse(whoami.stdout) as { device_id: string }).device_id, login.device_id);
  });

  it("matrix raw prints the same document as the reference", async () => {
    const ours = await runCli(["matrix", "raw", "client/versions"], { home });
    const reference = await runReference(["-o", "json", "matrix", "raw", "client/versions"]);
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(ours.stdout, reference.stdout);
  });

  it("matrix login refuses to prompt in batch mode", async () => {
    const result = await runCli(["--batch", "matrix", "login", "admin"], { home });
    assert.equal(result.code, 2);
    assertOneLineError(result.stderr, /needs --password in batch mode/);
  });
});
