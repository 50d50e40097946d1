import { createHash, randomUUID } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { BulkJournal, BulkJournalEntry } from "../../../api/bulk/run-bulk.ts";
import { type JournalDamage, type JournalHeader, type JournalLine, parseJournal } from "./journal-lines.ts";

export type { JournalDamage, JournalHeader } from "./journal-lines.ts";

/** A journal whose first line cannot be read: what is known of it, for the message that names it. */
export class DamagedJournalError extends Error {
  override name = "DamagedJournalError";
  readonly path: string;
  readonly damage: JournalDamage;

  constructor(path: string, damage: JournalDamage) {
    super(`${path}: ${damage.why}`);
    this.path = path;
    this.damage = damage;
  }
}

/**
 * A bulk run's journal as a JSON-lines file (mode 0600): the header, then one
 * line per finished item, appended before the run moves on. Lines that hold
 * something that must survive a crash (a generated password) are synced to
 * disk before the item is acted on. A crash can cut only the line being
 * written, which reading ignores.
 */
export class JournalFile implements BulkJournal {
  readonly path: string;
  readonly header: JournalHeader;
  readonly #done: Set<string>;
  readonly #failed: Map<string, string>;
  readonly #skipped: Map<string, string>;
  readonly #kept: Map<string, Record<string, unknown>>;
  /** Reasons for items about to be recorded as done that were skipped instead. */
  readonly #skipping = new Map<string, string>();
  /** Lines of the file that could not be read (a line cut short by a crash, mostly). */
  readonly damagedLines: number;
  /** The file ends without a line break (cut short): the next line starts on a new one. */
  #needsLineBreak: boolean;
  /** Called when a line cannot be written (a full disk): the run should stop. */
  onWriteError: ((error: Error) => void) | undefined;
  #writeError: Error | undefined;

  private constructor(
    path: string,
    header: JournalHeader,
    lines: readonly JournalLine[],
    options: { damagedLines: number; needsLineBreak: boolean },
  ) {
    this.path = path;
    this.header = header;
    this.#done = new Set();
    this.#failed = new Map();
    this.#skipped = new Map();
    this.#kept = new Map();
    for (const line of lines) this.#apply(line);
    this.damagedLines = options.damagedLines;
    this.#needsLineBreak = options.needsLineBreak;
  }

  /** Where the journal of this run lives: one file per command, server and arguments. */
  static pathFor(stateDir: string, command: string, server: string, identity: unknown): string {
    const hash = createHash("sha256")
      .update(JSON.stringify({ command, server, identity }))
      .digest("hex")
      .slice(0, 16);
    return join(stateDir, "synadm", "runs", `${command.replaceAll(" ", "-")}-${hash}.jsonl`);
  }

  /**
   * Starts a new journal, replacing any earlier one at that path. The header
   * goes to a new file (mode 0600 from its first byte, whatever the old file's
   * mode was) that is then renamed over the old one: a full disk leaves the
   * old journal as it was, never a half-written header.
   */
  static create(path: string, header: Omit<JournalHeader, "version" | "started" | "run_id">): JournalFile {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const full: JournalHeader = {
      version: 1,
      run_id: randomUUID(),
      ...header,
      started: new Date().toISOString(),
    };
    const temporary = `${path}.${process.pid}.new`;
    try {
      const fd = openSync(temporary, "wx", 0o600);
      try {
        writeAll(fd, `${JSON.stringify(full)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    return new JournalFile(path, full, [], { damagedLines: 0, needsLineBreak: false });
  }

  /**
   * The journal at `path`, or `undefined` when there is none. Throws
   * {@link DamagedJournalError} when its header cannot be read (an empty file,
   * or one cut short by a full disk), saying what its other lines still hold.
   */
  static read(path: string): JournalFile | undefined {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const parsed = parseJournal(text);
    if ("damage" in parsed) throw new DamagedJournalError(path, parsed.damage);
    return new JournalFile(path, parsed.header, parsed.lines, {
      damagedLines: parsed.damagedLines,
      needsLineBreak: text.length > 0 && !text.endsWith("\n"),
    });
  }

  /** Items finished by this or an earlier run (skipped ones included). */
  get doneCount(): number {
    return this.#done.size;
  }

  /** Items whose last attempt failed, with why. */
  get failures(): ReadonlyMap<string, string> {
    return this.#failed;
  }

  /** Items left alone because their condition no longer held, with why. */
  get skips(): ReadonlyMap<string, string> {
    return this.#skipped;
  }

  /** How many items have fields kept (e.g. generated passwords). */
  get keptCount(): number {
    return this.#kept.size;
  }

  isDone(key: string): boolean {
    return this.#done.has(key);
  }

  /** Fields kept for an item by {@link keep}, in this run or an earlier one. */
  kept(key: string): Record<string, unknown> | undefined {
    return this.#kept.get(key);
  }

  /**
   * Keeps fields of an item on disk (synced) before it is acted on, so that
   * they survive a crash right after the action. Throws when they cannot be
   * written: the item must then not be acted on.
   */
  keep(key: string, fields: Record<string, unknown>): void {
    this.#append({ key, outcome: "kept", fields }, true);
    this.#apply({ key, outcome: "kept", fields });
  }

  /** The next `done` of this item is recorded as skipped, with why. */
  skipping(key: string, reason: string): void {
    this.#skipping.set(key, reason);
  }

  record(entry: BulkJournalEntry): void {
    const reason = entry.outcome === "done" ? this.#skipping.get(entry.key) : undefined;
    this.#skipping.delete(entry.key);
    const line: JournalLine =
      reason === undefined
        ? entry.outcome === "done"
          ? { key: entry.key, outcome: "done" }
          : { key: entry.key, outcome: "failed", error: entry.error ?? "failed" }
        : { key: entry.key, outcome: "skipped", reason };
    this.#apply(line);
    // The run goes on after a failed write (the item is done either way); onWriteError stops it.
    try {
      this.#append(line, false);
    } catch (error) {
      if (this.#writeError) return;
      this.#writeError = error as Error;
      this.onWriteError?.(error as Error);
    }
  }

  /** Removes the file once the run has nothing left to resume. */
  remove(): void {
    rmSync(this.path, { force: true });
  }

  #apply(line: JournalLine): void {
    switch (line.outcome) {
      case "done":
        this.#done.add(line.key);
        this.#failed.delete(line.key);
        return;
      case "skipped":
        this.#done.add(line.key);
        this.#failed.delete(line.key);
        this.#skipped.set(line.key, line.reason);
        return;
      case "failed":
        this.#failed.set(line.key, line.error);
        return;
      case "kept":
        this.#kept.set(line.key, { ...this.#kept.get(line.key), ...line.fields });
    }
  }

  /** Synchronous, so the line is in the file before the next item can start. */
  #append(line: JournalLine, sync: boolean): void {
    if (this.#writeError) throw this.#writeError;
    const text = `${this.#needsLineBreak ? "\n" : ""}${JSON.stringify(line)}\n`;
    const fd = openSync(this.path, "a", 0o600);
    try {
      writeAll(fd, text);
      this.#needsLineBreak = false;
      if (sync) fsyncSync(fd);
    } catch (error) {
      // A part of the line may be in the file: whatever comes next starts on a line of its own.
      this.#needsLineBreak = true;
      throw error;
    } finally {
      closeSync(fd);
    }
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}
