import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError, homeWithConfig, runCli } from "../support/cli.ts";
import { configYaml, testServer } from "../support/server.ts";
import { freePort } from "../support/synapse.ts";

const server = testServer();

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
      server.token,
    );
  });

  it("404: an unknown user through raw", async () => {
    const home = homeWithConfig(configYaml());
    const result = await runCli(["raw", "v2/users/%40nobody%3Asynadm.test"], { home });
    assert.equal(result.code, 1);
    assertOneLineError(
      result.stderr,
      /GET \/_synapse\/admin\/v2\/users\/%40nobody%3Asynadm\.test failed: HTTP 404 M_NOT_FOUND: User not found/,
      server.token,
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
      server.token,
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
      assertOneLineError(result.stderr, pattern, server.token);
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
