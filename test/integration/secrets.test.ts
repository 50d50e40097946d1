import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { freshHome, homeWithConfig, runCli } from "../support/cli.ts";
import { configYaml, createUser, testServer, uniquePrefix } from "../support/server.ts";

describe("secrets", () => {
  it("the access token and passwords never appear in any output, at any verbosity", async () => {
    const { token } = testServer();
    const home = homeWithConfig(configYaml({ format: "json" }));
    const prefix = uniquePrefix();
    await createUser(`${prefix}pw`, "old-password");
    const password = `${prefix}-Hunter2-secret`;
    const runs = [
      ["version"],
      ["raw", "v2/users?limit=1"],
      [
        "raw",
        "-m",
        "post",
        `v1/reset_password/@${prefix}pw:${testServer().serverName}`,
        "-d",
        JSON.stringify({ new_password: password }),
      ],
      ["--batch", "user", "password", `${prefix}pw`, "-p", password],
      ["user", "details", `${prefix}nobody`],
      ["matrix", "raw", "client/v3/account/whoami"],
      ["room", "details", "!nothing:example.org"],
    ];
    let seen = 0;
    for (const verbosity of ["-v", "-vv", "-vvv"]) {
      for (const args of runs) {
        const result = await runCli([verbosity, ...args], { home });
        const output = result.stdout + result.stderr;
        assert.ok(!output.includes(token), `${verbosity} ${args.join(" ")} shows the token`);
        assert.ok(!output.includes(password), `${verbosity} ${args.join(" ")} shows the password`);
        if (verbosity !== "-v" && output.includes("authorization: Bearer <redacted>")) seen++;
      }
    }
    assert.ok(seen >= runs.length, "the request logs were there to check");
  });

  it("the configuration is written readable by its owner only", async () => {
    const home = freshHome();
    const result = await runCli(["--batch", "config", "-t", testServer().token, "-b", testServer().baseUrl], {
      home,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statSync(join(home, ".config", "synadm.yaml")).mode & 0o077, 0);
    assert.ok(!(result.stdout + result.stderr).includes(testServer().token));
  });
});
