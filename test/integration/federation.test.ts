import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError, parseJson as json, jsonSession } from "../support/cli.ts";

const { synadm } = jsonSession();

describe("federation", () => {
  it("federation shows no destinations on an isolated server and reports unknown ones in one line", async () => {
    assert.deepEqual(json((await synadm("federation", "list")).stdout), { destinations: [], total: 0 });
    const unknown = await synadm("federation", "show", "nowhere.example");
    assert.equal(unknown.code, 1);
    assertOneLineError(unknown.stderr, /HTTP 404 M_NOT_FOUND/);
    assert.equal((await synadm("federation", "rooms", "nowhere.example")).code, 1);
    const reset = await synadm("--batch", "federation", "reset", "nowhere.example");
    assert.equal(reset.code, 1);
    assertOneLineError(reset.stderr, /HTTP 404/);
    assert.equal((await synadm("federation", "show", "not a server")).code, 2);
  });

  it("federation list accepts every order and reverse; reset --dry-run sends nothing", async () => {
    for (const sort of ["destination", "retry_last_ts", "retry_interval", "failure_ts"]) {
      const listed = await synadm("federation", "list", "-s", sort, "-r", "-l", "5");
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(json(listed.stdout), { destinations: [], total: 0 });
    }
    assert.equal((await synadm("federation", "list", "-s", "nonsense")).code, 2);
    const dry = await synadm("federation", "reset", "nowhere.example", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Would: Reset the connection backoff of nowhere\.example/);
    const rooms = await synadm("federation", "rooms", "nowhere.example");
    assertOneLineError(rooms.stderr, /HTTP 404/);
  });
});
