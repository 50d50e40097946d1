import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { JournalFile } from "../../src/cli/runtime/bulk/journal-file.ts";
import { assertOneLineError, homeWithConfig, runCli, startCli } from "../support/cli.ts";
import { journals, runsDir } from "../support/journals.ts";
import {
  adminApi,
  clientApi,
  configYaml,
  createUser,
  loginUser,
  mxid,
  testServer,
  uniquePrefix,
} from "../support/server.ts";

const prefix = uniquePrefix();
const enc = encodeURIComponent;
const admin = (): string => testServer().token;

/** What the proxy does with a request instead of forwarding it; `undefined`: forward. */
type Handler = (req: IncomingMessage, res: ServerResponse, proxy: ScriptedProxy) => "forward" | "handled";

/**
 * A loopback proxy in front of the test Synapse that forwards everything,
 * delayed by `delayMs`, except what `handler` takes over: a server that
 * vanishes, stalls, or answers what it should not.
 */
class ScriptedProxy {
  handler: Handler = () => "forward";
  delayMs = 0;
  #server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    const target = new URL(testServer().baseUrl);
    this.#server = createServer((req, res) => {
      if (this.handler(req, res, this) === "handled") return;
      setTimeout(() => {
        // The client went away while its request was held back (a killed run): it is never forwarded.
        if (req.destroyed || res.destroyed) return;
        const upstream = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            // Its own connection per request, closed after it: a kept-alive one would keep this file running.
            headers: { ...req.headers, connection: "close" },
            agent: false,
          },
          (answer) => {
            // A client that went away meanwhile (a killed run): the server acted, nobody hears it.
            if (res.destroyed) {
              answer.resume();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
      }, this.delayMs);
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /** Stops listening and drops every connection: the server is gone. */
  vanish(): void {
    this.#server?.close();
    this.#server?.closeAllConnections();
  }

  async stop(): Promise<void> {
    this.vanish();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 10) {
    assert.ok(waited < ms, `never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function doneLines(home: string): number {
  const [journal] = journals(home);
  if (!journal) return 0;
  return readFileSync(journal, "utf8")
    .split("\n")
    .filter((line) => line.includes('"outcome":"done"')).length;
}

async function isDeactivated(userId: string): Promise<boolean> {
  return ((await adminApi("GET", `/v2/users/${enc(userId)}`)).json as { deactivated: boolean }).deactivated;
}

async function createRoom(token: string): Promise<string> {
  const result = await clientApi(token, "POST", "/createRoom", {});
  assert.equal(result.status, 200, JSON.stringify(result.json));
  return (result.json as { room_id: string }).room_id;
}

/** A home whose configuration points at `baseUrl` (default the test server) with extra keys. */
function home(overrides: Record<string, string | number | boolean> = {}): string {
  return homeWithConfig(configYaml({ format: "json", homeserver: testServer().serverName, ...overrides }));
}

/** A file in a fresh directory, with `text`. */
function file(name: string, text: string): string {
  const dir = join(tmpdir(), `synadm-bulk-safety-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("user import: generated passwords survive a killed run", () => {
  let proxy: ScriptedProxy;
  before(async () => {
    proxy = await new ScriptedProxy().start();
  });
  after(() => proxy.stop());

  it("kill -9 part-way, then --resume reports a working password for every account created", async () => {
    const localparts = Array.from({ length: 12 }, (_, i) => `${prefix}imp${String(i).padStart(2, "0")}`);
    const csv = file(
      "staff.csv",
      `localpart,displayname\n${localparts.map((l) => `${l},${l}`).join("\n")}\n`,
    );
    const dir = home({ base_url: proxy.url });
    // Slow enough to be killed part-way, with an account creation likely in flight.
    proxy.delayMs = 60;
    const args = ["--batch", "user", "import", csv, "--concurrency", "2"];
    const first = startCli(args, { home: dir, timeoutMs: 120_000 });
    await until("a few accounts created", () => doneLines(dir) >= 4);
    first.child.kill("SIGKILL");
    await first.result;
    // The proxy forwards what the killed run had sent, late: let that reach the server first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [journal] = journals(dir);
    assert.ok(journal, "the killed run left its journal");
    assert.equal(statSync(journal).mode & 0o777, 0o600, "the journal holding passwords is private");

    proxy.delayMs = 0;
    const resumed = await runCli([...args, "--resume"], { home: dir, timeoutMs: 120_000 });
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    const summary = JSON.parse(resumed.stdout) as {
      done: Array<{ user_id: string; action: string; password?: string }>;
      skipped: Array<{ user_id: string; reason: string; password?: string }>;
    };
    assert.ok(summary.skipped.length >= 4, resumed.stdout);
    const reported = new Map<string, string | undefined>();
    for (const entry of [...summary.done, ...summary.skipped]) reported.set(entry.user_id, entry.password);
    assert.equal(reported.size, localparts.length);
    for (const localpart of localparts) {
      const password = reported.get(mxid(localpart));
      assert.ok(password, `a password is reported for ${localpart}: ${resumed.stdout}`);
      // The reported password is the account's: logging in with it works.
      await loginUser(localpart, password);
    }
    assert.deepEqual(journals(dir), [], "a finished run removes the journal and its passwords");
  });
});

describe("audit_log that cannot be written", () => {
  it("a bulk run and a single change refuse before changing anything", async () => {
    const userId = await createUser(`${prefix}audit1`, "pw");
    const auditDir = file("placeholder", "");
    const dir = home({ audit_log: join(auditDir, "..") }); // a directory: never writable as a file
    const list = file("users.txt", `${userId}\n`);
    const bulk = await runCli(["--batch", "user", "deactivate-many", list], { home: dir });
    assert.equal(bulk.code, 2, bulk.stderr);
    assertOneLineError(
      bulk.stderr.split("\n").slice(-2).join("\n"),
      /audit_log .* cannot be written .*nothing was changed/,
    );
    const single = await runCli(["--batch", "user", "deactivate", userId], { home: dir });
    assert.equal(single.code, 2, single.stderr);
    assert.match(single.stderr, /audit_log .* cannot be written/);
    assert.equal(await isDeactivated(userId), false, "nothing was changed");
  });

  it("a change made while the audit log's disk is full is reported done, with a warning", async () => {
    const users = [await createUser(`${prefix}audit2`, "pw"), await createUser(`${prefix}audit3`, "pw")];
    // /dev/full opens, and every write to it fails as on a full disk.
    const dir = home({ audit_log: "/dev/full" });
    const list = file("users.txt", `${users.join("\n")}\n`);
    const result = await runCli(["--batch", "user", "deactivate-many", list], { home: dir });
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as { done: unknown[]; failed: unknown[] };
    assert.equal(summary.done.length, 2);
    assert.deepEqual(summary.failed, []);
    assert.equal(
      result.stderr.match(/audit_log \/dev\/full could not be written/g)?.length,
      1,
      result.stderr,
    );
    for (const userId of users) assert.equal(await isDeactivated(userId), true);
  });
});

describe("a damaged journal", () => {
  /** A run that leaves a journal behind: one user done, one (unknown) failed. */
  async function leaveJournal(): Promise<{ dir: string; args: string[]; real: string; journal: string }> {
    const real = await createUser(`${prefix}dmg${Math.random().toString(36).slice(2, 6)}`, "pw");
    const list = file("users.txt", `${real}\n${mxid(`${prefix}nosuchuser`)}\n`);
    const dir = home();
    const args = ["--batch", "user", "deactivate-many", list, "--concurrency", "1"];
    const first = await runCli(args, { home: dir });
    assert.equal(first.code, 1, first.stderr);
    const [journal] = journals(dir);
    assert.ok(journal);
    return { dir, args, real, journal };
  }

  it("cut short mid-header: named, what is recoverable said, --restart starts over", async () => {
    const { dir, args, real, journal } = await leaveJournal();
    const text = readFileSync(journal, "utf8");
    writeFileSync(journal, text.slice(0, 40) + text.slice(text.indexOf("\n")));
    for (const extra of [[], ["--resume"]]) {
      const refused = await runCli([...args, ...extra], { home: dir });
      assert.equal(refused.code, 2, refused.stderr);
      assertOneLineError(refused.stderr.split("\n").slice(-2).join("\n"), /is damaged/);
      assert.ok(refused.stderr.includes(journal), "the file is named");
      assert.match(refused.stderr, new RegExp(`1 done \\(${real}\\), 1 failed`));
      assert.match(refused.stderr, /--restart/);
    }
    const restarted = await runCli([...args, "--restart"], { home: dir });
    assert.equal(restarted.code, 1, restarted.stderr); // the unknown user fails again
    assert.ok(restarted.stdout, restarted.stderr);
    assert.match(restarted.stderr, /damaged journal .* is kept as .*damaged-/);
    // Both tried again (Synapse refuses to deactivate an account twice, so both fail now).
    const summary = JSON.parse(restarted.stdout) as { failed: Array<{ user_id: string }> };
    assert.deepEqual(summary.failed.map((d) => d.user_id).sort(), [real, mxid(`${prefix}nosuchuser`)].sort());
    assert.equal(JournalFile.read(journals(dir)[0]!)!.header.items.length, 2, "a new, whole journal");
  });

  it("empty (a full disk): the same, and --restart always starts over", async () => {
    const { dir, args, journal } = await leaveJournal();
    writeFileSync(journal, "");
    const refused = await runCli(args, { home: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is damaged \(it is empty\)/);
    assert.doesNotMatch(refused.stderr, /Unexpected end of JSON/);
    const restarted = await runCli([...args, "--restart"], { home: dir });
    assert.equal(restarted.code, 1, restarted.stderr);
    assert.match(restarted.stdout, /"done"/);
  });
});

describe("bulk actions chosen by a condition check it again before each item", () => {
  /** Plants the journal of an interrupted run of `command` over `items`, as the killed run would have left it. */
  function plantJournal(dir: string, command: string, identity: unknown, items: string[]): void {
    const server = testServer().baseUrl;
    const path = JournalFile.pathFor(join(dir, ".local", "state"), command, server, identity);
    JournalFile.create(path, { command, server, identity, items });
  }

  it("room purge-empty --resume leaves a room someone joined since, and says so", async () => {
    await createUser(`${prefix}roomer`, "pw");
    const token = await loginUser(`${prefix}roomer`, "pw");
    const stillEmpty = await createRoom(token);
    await clientApi(token, "POST", `/rooms/${enc(stillEmpty)}/leave`, {});
    // Chosen when it was empty, by the run that was interrupted; in use again since (its member stays).
    const joinedSince = await createRoom(token);
    const dir = home();
    plantJournal(dir, "room purge-empty", { deletion: { block: false, purge: true }, v1: false }, [
      stillEmpty,
      joinedSince,
    ]);

    const result = await runCli(["--batch", "room", "purge-empty", "--resume", "--summary"], {
      home: dir,
      timeoutMs: 120_000,
    });
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as {
      done: Array<{ room_id: string }>;
      skipped: Array<{ room_id: string; reason: string }>;
    };
    assert.deepEqual(
      summary.done.map((d) => d.room_id),
      [stillEmpty],
    );
    assert.equal(summary.skipped.length, 1);
    assert.equal(summary.skipped[0]!.room_id, joinedSince);
    assert.match(summary.skipped[0]!.reason, /no longer empty: 1 local member/);
    assert.match(
      result.stderr,
      new RegExp(`Skipped ${joinedSince.replace(/[.$]/g, "\\$&")}: no longer empty`),
    );
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(stillEmpty)}`)).status, 404);
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(joinedSince)}`)).status, 200, "left alone");
  });

  it("user deactivate-regex leaves a user deactivated since alone, reported as skipped", async () => {
    const users = [await createUser(`${prefix}regex1`, "pw"), await createUser(`${prefix}regex2`, "pw")];
    const dir = home();
    const regex = `@${prefix}regex`;
    plantJournal(dir, "user deactivate-regex", { regex, gdprErase: false }, users);
    await adminApi("POST", `/v1/deactivate/${enc(users[1]!)}`, {});
    const result = await runCli(["--batch", "user", "deactivate-regex", regex, "--resume", "--summary"], {
      home: dir,
    });
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as { done: unknown[]; skipped: Array<{ reason: string }> };
    assert.equal(summary.done.length, 1);
    assert.match(summary.skipped[0]!.reason, /deactivated since/);
    assert.equal(await isDeactivated(users[0]!), true);
  });
});

describe("two runs of the same bulk command at once", () => {
  let proxy: ScriptedProxy;
  before(async () => {
    proxy = await new ScriptedProxy().start();
  });
  after(() => proxy.stop());

  it("the second refuses, naming the process that holds the journal; each notice is sent once", async () => {
    for (let i = 0; i < 6; i++) await createUser(`${prefix}twice${i}`, "pw");
    const dir = home({ base_url: proxy.url });
    proxy.delayMs = 150;
    const body = `Only once ${prefix}`;
    const args = ["--batch", "notice", "send", "-r", `@${prefix}twice`, body, "--concurrency", "1"];
    const first = startCli(args, { home: dir, timeoutMs: 120_000 });
    await until("the first run under way", () => doneLines(dir) >= 1);
    const second = await runCli(args, { home: dir });
    assert.equal(second.code, 2, second.stderr);
    assertOneLineError(
      second.stderr,
      new RegExp(`another run of this 'notice send' command line is under way: process ${first.child.pid} `),
    );
    const done = await first.result;
    assert.equal(done.code, 0, done.stderr);
    proxy.delayMs = 0;
    const sent = (JSON.parse(done.stdout) as unknown[]).length;
    assert.equal(sent, 6);
    assert.deepEqual(readdirSync(runsDir(dir)), [], "no journal and no lock are left");
  });

  it("a lock left by a killed run (its pid is dead) does not block the next run", async () => {
    const userId = await createUser(`${prefix}stale`, "pw");
    const dir = home();
    const list = file("users.txt", `${userId}\n`);
    const args = ["--batch", "user", "deactivate-many", list];
    const server = testServer().baseUrl;
    const journal = JournalFile.pathFor(join(dir, ".local", "state"), "user deactivate-many", server, {
      users: [userId],
      gdprErase: false,
    });
    mkdirSync(join(journal, ".."), { recursive: true, mode: 0o700 });
    // A pid far above Linux's pid_max: no process has it.
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: 2 ** 30, host: hostname(), since: "earlier" }));
    const result = await runCli(args, { home: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await isDeactivated(userId), true);
    assert.equal(existsSync(`${journal}.lock`), false);
  });
});

describe("following a job keeps the kind of failure", () => {
  let proxy: ScriptedProxy;
  before(async () => {
    proxy = await new ScriptedProxy().start();
  });
  after(() => proxy.stop());

  /** Answers status reads of room deletes, and `version`, with the fault; forwards the rest. */
  function faultOnStatus(fault: (res: ServerResponse, proxy: ScriptedProxy) => void): void {
    proxy.handler = (req, res, self) => {
      const url = req.url ?? "";
      if (!url.includes("/delete_status/") && !url.includes("/server_version")) return "forward";
      req.resume();
      fault(res, self);
      return "handled";
    };
  }

  const faults: Array<{
    name: string;
    code: number;
    line: RegExp;
    fault: (res: ServerResponse, p: ScriptedProxy) => void;
  }> = [
    {
      name: "an answer that is not JSON",
      code: 7,
      line: /./,
      fault: (res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{not json");
      },
    },
    {
      name: "a token no longer valid (the 401 hint)",
      code: 1,
      line: /the access token is not valid; check it with 'synadm config'/,
      fault: (res) => {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ errcode: "M_UNKNOWN_TOKEN", error: "Invalid access token" }));
      },
    },
    { name: "no answer within --timeout", code: 6, line: /no response within/, fault: () => {} },
  ];

  for (const { name, code, line, fault } of faults)
    it(`room delete followed through ${name} exits as version does (${code})`, async () => {
      const roomId = await createRoom(admin());
      const dir = home({ base_url: proxy.url, timeout: 1 });
      faultOnStatus(fault);
      const version = await runCli(["version"], { home: dir, timeoutMs: 60_000 });
      const deleted = await runCli(["--batch", "room", "delete", roomId], { home: dir, timeoutMs: 60_000 });
      proxy.handler = () => "forward";
      assert.equal(version.code, code, version.stderr);
      assert.equal(deleted.code, version.code, deleted.stderr);
      assertOneLineError(deleted.stderr.trim().split("\n").at(-1)!, line, testServer().token);
      assert.match(deleted.stderr, /room delete-status -d /, "says how to look again");
    });

  it("a server that disappears while room delete is followed: exit 6, as version", async () => {
    const vanishing = await new ScriptedProxy().start();
    const roomId = await createRoom(admin());
    const dir = home({ base_url: vanishing.url });
    vanishing.handler = (req, _res, self) => {
      if (req.url?.includes("/delete_status/")) self.vanish();
      return "forward";
    };
    const deleted = await runCli(["--batch", "room", "delete", roomId], { home: dir, timeoutMs: 60_000 });
    const version = await runCli(["version"], { home: dir });
    assert.equal(version.code, 6, version.stderr);
    assert.equal(deleted.code, 6, deleted.stderr);
    assert.match(deleted.stderr, /following room delete .* stopped/);
    // The server carried on with the job.
    await until(
      "the room deleted",
      async () => (await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status === 404,
    );
  });

  it("user redact after a history purge reports the failed redaction and exits non-zero", async () => {
    const localpart = `${prefix}redactee`;
    await createUser(localpart, "pw");
    const token = await loginUser(localpart, "pw");
    const roomId = await createRoom(token);
    for (let i = 0; i < 3; i++)
      await clientApi(token, "PUT", `/rooms/${enc(roomId)}/send/m.room.message/t${i}`, {
        msgtype: "m.text",
        body: `m${i}`,
      });
    await clientApi(token, "PUT", `/rooms/${enc(roomId)}/send/m.room.message/last`, {
      msgtype: "m.text",
      body: "last",
    });
    const purge = await adminApi("POST", `/v1/purge_history/${enc(roomId)}`, {
      delete_local_events: true,
      purge_up_to_ts: Date.now(),
    });
    assert.equal(purge.status, 200, JSON.stringify(purge.json));
    const { purge_id } = purge.json as { purge_id: string };
    await until("the purge done", async () => {
      const status = (await adminApi("GET", `/v1/purge_history_status/${purge_id}`)).json as {
        status: string;
      };
      return status.status !== "active";
    });
    const result = await runCli(["--batch", "user", "redact", mxid(localpart)], {
      home: home(),
      timeoutMs: 60_000,
    });
    const final = JSON.parse(result.stdout) as { status: string; failed_redactions: Record<string, string> };
    assert.ok(Object.keys(final.failed_redactions).length > 0, result.stdout);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /Redaction .* finished with failures: \d+ event\(s\) could not be redacted/);
  });
});

describe("user import --dry-run", () => {
  it("of a header-only CSV reports a dry run", async () => {
    const csv = file("empty.csv", "user_id,password\n");
    const result = await runCli(["user", "import", "--dry-run", csv], { home: home() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { dry_run: boolean }).dry_run, true);
  });
});
