import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DamagedJournalError, JournalFile } from "../../../src/cli/runtime/bulk/journal-file.ts";
import { describeLines } from "../../../src/cli/runtime/bulk/journal-lines.ts";
import { JournalLock, JournalLockedError } from "../../../src/cli/runtime/bulk/journal-lock.ts";

function journalPath(): string {
  return join(mkdtempSync(join(tmpdir(), "synadm-journal-")), "runs", "user-x-0123.jsonl");
}

function newJournal(path = journalPath()): JournalFile {
  return JournalFile.create(path, {
    command: "user x",
    server: "https://h",
    identity: {},
    items: ["a", "b", "c"],
  });
}

function damageOf(path: string): DamagedJournalError {
  try {
    JournalFile.read(path);
  } catch (error) {
    assert.ok(error instanceof DamagedJournalError, String(error));
    return error;
  }
  assert.fail("the journal was read as if whole");
}

/** A pid that no process has: that of a child that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("JournalFile: damage", () => {
  it("an empty journal is damaged, named, and says nothing is recoverable", () => {
    const path = journalPath();
    newJournal(path);
    writeFileSync(path, "");
    const error = damageOf(path);
    assert.equal(error.path, path);
    assert.match(error.damage.why, /empty/);
    assert.equal(describeLines(error.damage.lines), "nothing");
  });

  it("a header cut short keeps the lines after it readable", () => {
    const path = journalPath();
    const journal = newJournal(path);
    journal.record({ key: "a", outcome: "done" });
    journal.record({ key: "b", outcome: "failed", error: "boom" });
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.slice(0, 30) + text.slice(text.indexOf("\n")));
    const error = damageOf(path);
    assert.match(error.damage.why, /cut short/);
    assert.equal(describeLines(error.damage.lines), "1 done (a), 1 failed (b)");
  });

  it("a header cut short mid-line by a full disk, nothing after it, is damaged too", () => {
    const path = journalPath();
    newJournal(path);
    writeFileSync(path, '{"version":1,"run_id":"x","comm');
    assert.match(damageOf(path).damage.why, /cut short/);
  });

  it("a first line that is JSON but no header is damaged, not a crash", () => {
    const path = journalPath();
    newJournal(path);
    writeFileSync(path, 'null\n{"key":"a","outcome":"done"}\n');
    assert.match(damageOf(path).damage.why, /not the header/);
  });

  it("item lines that are JSON of the wrong shape are counted and ignored", () => {
    const path = journalPath();
    const journal = newJournal(path);
    journal.record({ key: "a", outcome: "done" });
    appendFileSync(path, 'null\n{"key":1}\n');
    const again = JournalFile.read(path)!;
    assert.equal(again.isDone("a"), true);
    assert.equal(again.damagedLines, 2);
  });

  it("after a line cut short, the next line is written on a line of its own", () => {
    const path = journalPath();
    newJournal(path).record({ key: "a", outcome: "done" });
    appendFileSync(path, '{"key":"b","outc');
    const resumed = JournalFile.read(path)!;
    assert.equal(resumed.damagedLines, 1);
    resumed.record({ key: "c", outcome: "done" });
    const again = JournalFile.read(path)!;
    assert.equal(again.isDone("c"), true, readFileSync(path, "utf8"));
    assert.equal(again.isDone("b"), false);
  });
});

describe("JournalFile: writing", () => {
  it("create replaces a damaged or loosely-permitted journal with a fresh 0600 file", () => {
    const path = journalPath();
    newJournal(path);
    writeFileSync(path, "garbage");
    chmodSync(path, 0o644);
    const fresh = newJournal(path);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(JournalFile.read(path)!.header.run_id, fresh.header.run_id);
  });

  it("kept fields survive a crash and a re-read; skipped items count as done with their reason", () => {
    const path = journalPath();
    const journal = newJournal(path);
    journal.keep("a", { password: "s3cret" });
    journal.skipping("b", "no longer empty");
    journal.record({ key: "b", outcome: "done" });
    const again = JournalFile.read(path)!;
    assert.deepEqual(again.kept("a"), { password: "s3cret" });
    assert.equal(again.isDone("a"), false, "kept is not done");
    assert.equal(again.isDone("b"), true);
    assert.equal(again.skips.get("b"), "no longer empty");
    assert.equal(again.keptCount, 1);
  });

  it("a line that cannot be written (full disk) is reported once and does not throw", () => {
    const path = journalPath();
    const journal = newJournal(path);
    const errors: Error[] = [];
    journal.onWriteError = (error) => errors.push(error);
    rmSync(path);
    mkdirSync(path); // appending to a directory fails, as appending to a full disk does
    journal.record({ key: "a", outcome: "done" });
    journal.record({ key: "b", outcome: "done" });
    assert.equal(errors.length, 1);
    assert.equal(journal.isDone("b"), true);
    assert.throws(() => journal.keep("c", { password: "x" }), "a value that cannot be kept stops its item");
  });
});

describe("JournalLock", () => {
  it("a second lock of the same journal is refused, naming the holder's pid", () => {
    const path = journalPath();
    const first = JournalLock.acquire(path);
    try {
      assert.throws(
        () => JournalLock.acquire(path),
        (error: unknown) =>
          error instanceof JournalLockedError &&
          error.holder?.pid === process.pid &&
          new RegExp(`process ${process.pid} .*holds ${error.lockPath}`).test(error.message),
      );
    } finally {
      first.release();
    }
    assert.equal(existsSync(`${path}.lock`), false);
    JournalLock.acquire(path).release();
  });

  it("a lock left by a dead process is stale and taken over", () => {
    const path = journalPath();
    mkdirSync(join(path, ".."), { recursive: true });
    const pid = deadPid();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid, host: hostname(), since: "earlier" }));
    const lock = JournalLock.acquire(path);
    assert.equal(JSON.parse(readFileSync(`${path}.lock`, "utf8")).pid, process.pid);
    lock.release();
  });

  it("a lock cut short is stale only once it is old; one of another machine is never taken", () => {
    const path = journalPath();
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(`${path}.lock`, "");
    assert.throws(() => JournalLock.acquire(path), JournalLockedError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    JournalLock.acquire(path).release();

    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: "elsewhere.example", since: "x" }));
    assert.throws(() => JournalLock.acquire(path), /on elsewhere\.example/);
  });

  it("release leaves a lock that another run holds alone", () => {
    const path = journalPath();
    const lock = JournalLock.acquire(path);
    const other = JSON.stringify({ pid: 1, host: hostname(), since: "later" });
    writeFileSync(`${path}.lock`, other);
    lock.release();
    assert.equal(readFileSync(`${path}.lock`, "utf8"), other);
  });
});

describe("JournalFile: reading back", () => {
  it("keeps outcomes across reads and ignores a line cut short by a crash", () => {
    const path = JournalFile.pathFor(mkdtempSync(join(tmpdir(), "synadm-journal-")), "user x", "https://h", {
      a: 1,
    });
    const journal = JournalFile.create(path, {
      command: "user x",
      server: "https://h",
      identity: {},
      items: ["a", "b"],
    });
    journal.record({ key: "a", outcome: "done" });
    journal.record({ key: "b", outcome: "failed", error: "boom" });
    appendFileSync(path, '{"key":"b","outc');
    const again = JournalFile.read(path)!;
    assert.equal(again.isDone("a"), true);
    assert.equal(again.isDone("b"), false);
    assert.equal(again.failures.get("b"), "boom");
    assert.equal(again.header.run_id, journal.header.run_id);
    assert.notEqual(
      path,
      JournalFile.pathFor(tmpdir(), "user x", "https://h", { a: 2 }),
      "other arguments, other journal",
    );
  });
});
