import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError, MasApiError } from "../../../src/api/errors.ts";
import type { CommandContext } from "../../../src/cli/runtime/context.ts";
import { CliError } from "../../../src/cli/runtime/errors.ts";
import { explainMasRefusal, lazyUnderMas, underMas } from "../../../src/cli/runtime/mas-routing.ts";

/** A context answering only what the routing asks: the (cached) delegation, and a log. */
function contextWith(delegation: () => Promise<{ delegated: boolean }>) {
  const debug: string[] = [];
  let asked = 0;
  const context = {
    authDelegation: () => {
      asked++;
      return delegation();
    },
    log: { debug: (message: string) => debug.push(message), info() {}, warn() {} },
  } as unknown as CommandContext;
  return { context, debug, asked: () => asked };
}

describe("routing to MAS", () => {
  it("follows the delegation; a failed question goes to Synapse, said at debug level", async () => {
    assert.equal(await underMas(contextWith(async () => ({ delegated: true })).context), true);
    assert.equal(await underMas(contextWith(async () => ({ delegated: false })).context), false);
    const offline = contextWith(async () => {
      throw new Error("connection refused");
    });
    assert.equal(await underMas(offline.context), false);
    assert.match(offline.debug.join("\n"), /connection refused.*using Synapse/);
  });

  it("lazyUnderMas asks on the first await only, and never when not awaited", async () => {
    const unused = contextWith(async () => ({ delegated: true }));
    lazyUnderMas(unused.context);
    assert.equal(unused.asked(), 0);
    const used = contextWith(async () => ({ delegated: true }));
    const routed = lazyUnderMas(used.context);
    assert.equal(await routed, true);
    assert.equal(await routed, true);
    assert.equal(used.asked(), 1);
  });

  it("a MAS 401 or 403 names mas_token and the scope, keeping MAS's words; other errors pass", () => {
    const request = { method: "POST", path: "/api/admin/v1/users/01J/set-admin?x=1" };
    for (const status of [401, 403]) {
      const explained = explainMasRefusal(
        new MasApiError(status, { errors: [{ title: "Missing or invalid access token" }] }, request),
      );
      assert.ok(explained instanceof CliError);
      assert.match(explained.message, new RegExp(`HTTP ${status}: Missing or invalid access token`));
      assert.match(explained.message, /mas_token or mas_token_command.*urn:mas:admin/);
    }
    const notFound = new MasApiError(404, { errors: [{ title: "User not found" }] }, request);
    assert.equal(explainMasRefusal(notFound), notFound);
    const synapse = new ApiError(401, { errcode: "M_UNKNOWN_TOKEN" }, request);
    assert.equal(explainMasRefusal(synapse), synapse, "Synapse's token refusal is not MAS's");
  });
});
