import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { assertOneLineError, freshHome, homeWithConfig, runCli } from "../support/cli.ts";
import { configYaml, runReference, testServer } from "../support/server.ts";

const server = testServer();

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
    assertOneLineError(result.stderr, /needs a value for token \(-t\)/, server.token);
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
    assertOneLineError(
      result.stderr,
      /not configured: .*synadm\.yaml does not exist; run "synadm config"/,
      server.token,
    );
  });

  it("names the line of a broken configuration file", async () => {
    const broken = await runCli(["version"], { home: homeWithConfig("token: abc\nbase_url: a: b\n") });
    assert.equal(broken.code, 2);
    assertOneLineError(
      broken.stderr,
      /not valid YAML \(line 2\): Nested mappings are not allowed in compact mappings$/,
      server.token,
    );
    const wrongType = await runCli(["version"], { home: homeWithConfig(`${configYaml()}timeout: soon\n`) });
    assert.equal(wrongType.code, 2);
    assertOneLineError(
      wrongType.stderr,
      /line 11: "timeout" has the value "soon"; expected a number/,
      server.token,
    );
  });

  it("needs no configuration for help", async () => {
    const result = await runCli(["matrix", "login", "--help"], { home: freshHome() });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: synadm matrix login \[OPTIONS\] USER_ID/);
  });
});
