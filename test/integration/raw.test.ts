import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { homeWithConfig, runCli } from "../support/cli.ts";
import { adminApi, configYaml } from "../support/server.ts";

describe("raw", () => {
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
});
