import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SynapseAdmin } from "../../src/api/synapse-admin.ts";
import { assertOneLineError, parseJson as json, jsonSession, runCli } from "../support/cli.ts";
import { adminApi, testServer } from "../support/server.ts";

const { home, synadm } = jsonSession();

describe("background-updates", () => {
  it("background-updates disable and enable change the server's state; start runs a job", async () => {
    assert.equal((await synadm("background-updates", "disable")).code, 0);
    assert.equal(
      ((await adminApi("GET", "/v1/background_updates/status")).json as { enabled: boolean }).enabled,
      false,
    );
    assert.equal((await synadm("background-updates", "enable")).code, 0);
    assert.equal(
      json<{ enabled: boolean }>((await synadm("background-updates", "status")).stdout).enabled,
      true,
    );
    // A fresh server queues its own stats and directory jobs at start, and Synapse refuses a
    // second copy: either answer means the job is queued on the server now.
    // The job walks every room and user of the suite's server: on a busy machine that takes a while.
    const started = await runCli(["background-updates", "start", "populate_stats_process_rooms"], {
      home,
      timeoutMs: 240_000,
    });
    if (started.code !== 0)
      assertOneLineError(started.stderr, /Job populate_stats_process_rooms is already in queue/);
    // Followed until no update runs any more.
    else assert.equal(json<{ job_name: string }>(started.stdout).job_name, "populate_stats_process_rooms");
    assert.equal((await synadm("background-updates", "start", "nothing")).code, 2);
  });

  it("background-updates: the library reads the enabled state the CLI set", async () => {
    const admin = new SynapseAdmin({ baseUrl: testServer().baseUrl, accessToken: testServer().token });
    try {
      assert.equal((await synadm("background-updates", "disable")).code, 0);
      assert.deepEqual(await admin.backgroundUpdates.enabled(), { enabled: false });
      assert.equal(
        json<{ enabled: boolean }>((await synadm("background-updates", "status")).stdout).enabled,
        false,
      );
    } finally {
      assert.equal((await synadm("background-updates", "enable")).code, 0);
    }
    assert.deepEqual(await admin.backgroundUpdates.enabled(), { enabled: true });
    const badTime = await synadm("background-updates", "start", "event_resign", "--before-ts", "someday");
    assert.equal(badTime.code, 2);
    assertOneLineError(badTime.stderr, /invalid time "someday"/);
  });
});
