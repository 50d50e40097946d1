import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { assertOneLineError, homeWithConfig, runCli } from "../support/cli.ts";
import { adminApi, configYaml, runReference, testServer } from "../support/server.ts";

const server = testServer();

describe("matrix", () => {
  const home = homeWithConfig(configYaml({ format: "json" }));

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
