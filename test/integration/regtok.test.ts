import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, runReference, uniquePrefix } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const tokenState = async (token: string) =>
  (await adminApi("GET", `/v1/registration_tokens/${token}`)).json as Record<string, unknown>;

describe("regtok", () => {
  it("new, update, details, list and delete change the server's tokens", async () => {
    const token = `${prefix}tok`;
    const created = await synadm("regtok", "new", "-n", token, "-u", "5", "-e", "2099-01-01");
    assert.equal(created.code, 0, created.stderr);
    assert.equal((await tokenState(token))["uses_allowed"], 5);
    assert.equal((await tokenState(token))["expiry_time"], new Date(2099, 0, 1).getTime());

    assert.equal((await synadm("--batch", "regtok", "update", token, "-u", "-1", "-t", "-1")).code, 0);
    const updated = await tokenState(token);
    assert.equal(updated["uses_allowed"], null);
    assert.equal(updated["expiry_time"], null);
    assert.equal((await synadm("--batch", "regtok", "update", token, "-t", "4102444800000")).code, 0);

    for (const args of [
      ["regtok", "details", token],
      ["regtok", "details", token, "--ts"],
      ["regtok", "list"],
      ["regtok", "list", "-v", "--ts"],
    ]) {
      const ours = await synadm(...args);
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(ours.stdout, reference.stdout, args.join(" "));
    }
    const generated = json<{ token: string }>((await synadm("regtok", "new", "-l", "7")).stdout);
    assert.equal(generated.token.length, 7);

    // synadm deletes a token without asking, and so does this CLI (unless `confirm: always`).
    assert.equal((await synadm("regtok", "delete", token)).code, 0);
    assert.equal((await adminApi("GET", `/v1/registration_tokens/${token}`)).status, 404);
    const missing = await synadm("regtok", "details", token);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /HTTP 404/);
  });
});
