import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { homeWithConfig, runCli } from "../support/cli.ts";
import { clientApi, configYaml, mxid, testServer } from "../support/server.ts";

describe("admin-client-config", () => {
  it("set changes the admin's account data, keeping other settings, and show reads it", async () => {
    const home = homeWithConfig(configYaml({ format: "json" }));
    const stored = async () =>
      (
        await clientApi(
          testServer().token,
          "GET",
          `/user/${encodeURIComponent(mxid("admin"))}/account_data/io.element.synapse.admin_client_config`,
        )
      ).json;
    assert.equal((await runCli(["admin-client-config", "set", "--soft-failed-events"], { home })).code, 0);
    assert.deepEqual(await stored(), { return_soft_failed_events: true });
    const result = await runCli(["admin-client-config", "set", "--no-policy-server-spammy-events"], { home });
    assert.equal(result.code, 0, result.stderr);
    const expected = { return_soft_failed_events: true, return_policy_server_spammy_events: false };
    assert.deepEqual(await stored(), expected);
    assert.deepEqual(JSON.parse((await runCli(["admin-client-config", "show"], { home })).stdout), expected);
    assert.equal((await runCli(["admin-client-config", "set"], { home })).code, 2);
  });
});
