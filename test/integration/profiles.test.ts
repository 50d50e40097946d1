import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { assertOneLineError, homeWithConfig, parseJson, runCli } from "../support/cli.ts";
import { testServer } from "../support/server.ts";

// Port 9 (discard) has no listener here: the top level alone cannot reach any server.
const BOGUS = "base_url: http://127.0.0.1:9\ntoken: syt_bogus_top_level\nformat: json\ntimeout: 2\n";

function profilesConfig(): string {
  const server = testServer();
  return `${BOGUS}profiles:\n  test:\n    base_url: ${server.baseUrl}\n    token: ${server.token}\n    timeout: 30\n`;
}

describe("configuration profiles against the real server", () => {
  it("reaches the server through --profile while the top level points nowhere", async () => {
    const home = homeWithConfig(profilesConfig());
    const viaOption = await runCli(["--profile", "test", "version"], { home });
    assert.equal(viaOption.code, 0, viaOption.stderr);
    assert.match(parseJson<{ server_version: string }>(viaOption.stdout).server_version, /^\d+\.\d+/);
    const after = await runCli(["version", "--profile", "test"], { home });
    assert.equal(after.code, 0, after.stderr);
    const topLevel = await runCli(["version"], { home });
    assert.equal(topLevel.code, 6, "the bogus top level is really used without a profile");
  });

  it("reaches the server through SYNADM_PROFILE", async () => {
    const home = homeWithConfig(profilesConfig());
    const result = await runCli(["version"], { home, env: { SYNADM_PROFILE: "test" } });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(parseJson<{ server_version: string }>(result.stdout).server_version);
  });

  it("refuses an unknown profile in one line naming the available ones (exit 2)", async () => {
    const home = homeWithConfig(profilesConfig());
    const result = await runCli(["--profile", "tset", "version"], { home });
    assert.equal(result.code, 2);
    assertOneLineError(result.stderr, /unknown profile "tset".*available profiles in .*synadm\.yaml: test$/);
    const fromEnv = await runCli(["version"], { home, env: { SYNADM_PROFILE: "nope" } });
    assert.equal(fromEnv.code, 2);
    assertOneLineError(fromEnv.stderr, /unknown profile "nope"/);
  });

  it("lets `config` create a profile that then works, leaving the top level alone", async () => {
    const server = testServer();
    const home = homeWithConfig(BOGUS);
    const configured = await runCli(
      ["--batch", "--profile", "made", "config", "-t", server.token, "-b", server.baseUrl, "-w", "30"],
      { home },
    );
    assert.equal(configured.code, 0, configured.stderr);
    const text = readFileSync(join(home, ".config", "synadm.yaml"), "utf8");
    assert.ok(text.startsWith(BOGUS), text.replace(server.token, "<token>"));
    const result = await runCli(["--profile", "made", "version"], { home });
    assert.equal(result.code, 0, result.stderr);
  });
});
