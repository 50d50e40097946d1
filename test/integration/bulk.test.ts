import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { homeWithConfig, runCli, startCli } from "../support/cli.ts";
import { useFaultProxy } from "../support/fault-proxy.ts";
import { doneLines, journals } from "../support/journals.ts";
import { adminApi, configYaml, createUser, uniquePrefix } from "../support/server.ts";

const prefix = uniquePrefix();
const enc = encodeURIComponent;

/** Waits until the run's journal records `count` finished items. */
async function untilJournalHasDone(home: string, count: number): Promise<void> {
  for (let waited = 0; ; waited += 10) {
    const [journal] = journals(home);
    if (journal && doneLines(journal) >= count) return;
    assert.ok(waited < 60_000, "the run never got going");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many server notices with this body the user has received. */
async function noticesReceived(userId: string, body: string): Promise<number> {
  const { memberships } = (await adminApi("GET", `/v1/users/${enc(userId)}/memberships`)).json as {
    memberships: Record<string, string>;
  };
  let count = 0;
  for (const roomId of Object.keys(memberships)) {
    const { chunk } = (await adminApi("GET", `/v1/rooms/${enc(roomId)}/messages?dir=b&limit=1000`)).json as {
      chunk: Array<{ type: string; content: { body?: string } }>;
    };
    count += chunk.filter((event) => event.type === "m.room.message" && event.content.body === body).length;
  }
  return count;
}

async function isDeactivated(userId: string): Promise<boolean> {
  return ((await adminApi("GET", `/v2/users/${enc(userId)}`)).json as { deactivated: boolean }).deactivated;
}

describe("bulk runs: interrupt and resume", () => {
  it("a notice run stopped with Ctrl-C part-way and resumed reaches every user exactly once", async () => {
    const users: string[] = [];
    for (let i = 0; i < 16; i++)
      users.push(await createUser(`${prefix}resume${String(i).padStart(2, "0")}`, "pw"));
    const home = homeWithConfig(configYaml({ format: "json" }));
    const body = `Resumable notice ${prefix}`;
    const args = [
      "--batch",
      "notice",
      "send",
      "-r",
      `@${prefix}resume`,
      body,
      "--concurrency",
      "2",
      "--summary",
    ];

    const first = startCli(args, { home, timeoutMs: 120_000 });
    // Interrupt once a few notices are in the journal, while most are still to do.
    await untilJournalHasDone(home, 3);
    first.child.kill("SIGINT");
    const stopped = await first.result;
    assert.equal(stopped.code, 130, stopped.stderr);
    assert.match(stopped.stderr, /Stopping: no new items start/);
    assert.match(stopped.stderr, /interrupted: \d+ of 16 done, 0 failed, \d+ not started; .*--resume/);
    const partial = JSON.parse(stopped.stdout) as { done: unknown[]; not_started: string[] };
    assert.ok(partial.done.length >= 3 && partial.not_started.length > 0, stopped.stdout);
    assert.equal(partial.done.length + partial.not_started.length, 16);

    // The same command line without --resume does not start over by accident.
    const again = await runCli(args, { home });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /add --resume to go on with it, or --restart to start over/);

    const resumed = await runCli([...args, "--resume"], { home, timeoutMs: 120_000 });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(
      resumed.stderr,
      new RegExp(`Resuming the run started .*: ${partial.done.length} of 16 done`),
    );
    const summary = JSON.parse(resumed.stdout) as { done: Array<{ user_id: string }>; skipped: unknown[] };
    assert.equal(summary.skipped.length, partial.done.length);
    assert.equal(summary.done.length, 16 - partial.done.length);
    assert.deepEqual(journals(home), [], "a finished run leaves no journal");

    for (const userId of users) assert.equal(await noticesReceived(userId, body), 1, userId);
  });

  it("a notice run killed outright (kill -9) and resumed still reaches every user exactly once", async () => {
    const users: string[] = [];
    for (let i = 0; i < 10; i++) users.push(await createUser(`${prefix}killed${i}`, "pw"));
    const home = homeWithConfig(configYaml({ format: "json" }));
    const body = `Crash-safe notice ${prefix}`;
    const args = ["--batch", "notice", "send", "-r", `@${prefix}killed`, body, "--concurrency", "4"];
    const first = startCli(args, { home, timeoutMs: 120_000 });
    await untilJournalHasDone(home, 2);
    // No chance to finish the notices in flight or to write their lines: those are redone on
    // resume with the same transaction IDs, which Synapse recognises.
    first.child.kill("SIGKILL");
    await first.result;
    const resumed = await runCli([...args, "--resume"], { home, timeoutMs: 120_000 });
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const userId of users) assert.equal(await noticesReceived(userId, body), 1, userId);
  });

  it("--resume with nothing to resume is a clear error, before any change", async () => {
    const home = homeWithConfig(configYaml({ format: "json" }));
    const result = await runCli(["--batch", "user", "deactivate-regex", `@${prefix}nothing`, "--resume"], {
      home,
    });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /nothing to resume: no interrupted run of 'user deactivate-regex'/);
  });
});

describe("bulk runs against a rate-limiting server", () => {
  const faulty = useFaultProxy();

  it("finishes with no item lost when many deactivations are rate-limited, slowing down meanwhile", async () => {
    const users: string[] = [];
    for (let i = 0; i < 12; i++) users.push(await createUser(`${prefix}limited${i}`, "pw"));
    // More 429s in a row than the client retries one request: the engine must put items back.
    faulty.proxy.inject("429-retry-after-ms", { pathPart: "/v1/deactivate/", times: 14 });
    const result = await runCli(
      ["--batch", "user", "deactivate-regex", `@${prefix}limited`, "--concurrency", "4", "--summary"],
      { home: faulty.home, timeoutMs: 120_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as { done: Array<{ user_id: string }>; failed: unknown[] };
    assert.deepEqual(summary.failed, []);
    assert.deepEqual(summary.done.map((d) => d.user_id).sort(), [...users].sort());
    assert.match(result.stderr, /rate-limited: paused/);
    const refused = faulty.proxy.seen.filter((r) => r.fault === "429-retry-after-ms").length;
    assert.equal(refused, 14);
    for (const userId of users) assert.equal(await isDeactivated(userId), true, userId);
  });
});
