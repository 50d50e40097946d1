import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError, parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, createUser, uniquePrefix } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;

describe("experimental-features", () => {
  it("experimental-features set and list change a user's features", async () => {
    const userId = await createUser(`${prefix}exp`, "pw");
    const result = await synadm(
      "experimental-features",
      "set",
      `${prefix}exp`,
      "msc3881=true",
      "msc4222=false",
    );
    assert.equal(result.code, 0, result.stderr);
    const state = (await adminApi("GET", `/v1/experimental_features/${enc(userId)}`)).json as {
      features: Record<string, boolean>;
    };
    assert.equal(state.features["msc3881"], true);
    assert.equal(state.features["msc4222"], false);
    assert.deepEqual(json((await synadm("experimental-features", "list", userId)).stdout), state);
    const bad = await synadm("experimental-features", "set", userId, "msc9999=true");
    assert.equal(bad.code, 2);
    assertOneLineError(bad.stderr, /invalid feature "msc9999=true"/);
  });

  it("experimental-features accept bare localparts and refuse malformed pairs before any request", async () => {
    const userId = await createUser(`${prefix}exp2`, "pw");
    assert.equal((await synadm("experimental-features", "set", `${prefix}exp2`, "msc3575=true")).code, 0);
    const listed = json<{ features: Record<string, boolean> }>(
      (await synadm("experimental-features", "list", `${prefix}exp2`)).stdout,
    );
    assert.equal(listed.features["msc3575"], true);
    const state = (await adminApi("GET", `/v1/experimental_features/${enc(userId)}`)).json as {
      features: Record<string, boolean>;
    };
    assert.equal(state.features["msc3575"], true);
    for (const bad of ["msc3575", "msc3575=yes", "=true"]) {
      const result = await synadm("experimental-features", "set", "@nobody:nowhere.invalid", bad);
      assert.equal(result.code, 2, bad);
    }
  });
});
