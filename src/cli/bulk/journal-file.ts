import { createHash, randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BulkJournal, BulkJournalEntry } from "../../api/bulk/run-bulk.ts";

/** The first line of a journal: which run it belongs to and every item it covers. */
export interface JournalHeader {
  readonly version: 1;
  /** Stays the same when the run is resumed: e.g. transaction IDs are made from it. */
  readonly run_id: string;
  readonly command: string;
  readonly server: string;
  /** The arguments that chose the items and the action. */
  readonly identity: unknown;
  readonly items: readonly string[];
  readonly started: string;
}

/**
 * A bulk run's journal as a JSON-lines file: the header, then one line per
 * finished item, appended before the run moves on. A crash can cut only the
 * line being written, which reading ignores.
 */
export class JournalFile implements BulkJournal {
  readonly path: string;
  readonly header: JournalHeader;
  readonly #done: Set<string>;
  readonly #failed: Map<string, string>;

  private constructor(path: string, header: JournalHeader, done: Set<string>, failed: Map<string, string>) {
    this.path = path;
    this.header = header;
    this.#done = done;
    this.#failed = failed;
  }

  /** Where the journal of this run lives: one file per command, server and arguments. */
  static pathFor(stateDir: string, command: string, server: string, identity: unknown): string {
    const hash = createHash("sha256")
      .update(JSON.stringify({ command, server, identity }))
      .digest("hex")
      .slice(0, 16);
    return join(stateDir, "synadm", "runs", `${command.replaceAll(" ", "-")}-${hash}.jsonl`);
  }

  /** Starts a new journal, replacing any earlier one at that path. */
  static create(path: string, header: Omit<JournalHeader, "version" | "started" | "run_id">): JournalFile {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const full: JournalHeader = {
      version: 1,
      run_id: randomUUID(),
      ...header,
      started: new Date().toISOString(),
    };
    writeFileSync(path, `${JSON.stringify(full)}\n`, { mode: 0o600 });
    return new JournalFile(path, full, new Set(), new Map());
  }

  /** The journal at `path`, or `undefined` when there is none. */
  static read(path: string): JournalFile | undefined {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const [first, ...lines] = text.split("\n");
    const header = JSON.parse(first!) as JournalHeader;
    const done = new Set<string>();
    const failed = new Map<string, string>();
    for (const line of lines) {
      let entry: BulkJournalEntry;
      try {
        entry = JSON.parse(line) as BulkJournalEntry;
      } catch {
        continue; // the empty last line, or one cut short by a crash
      }
      if (entry.outcome === "done") {
        done.add(entry.key);
        failed.delete(entry.key);
      } else failed.set(entry.key, entry.error ?? "failed");
    }
    return new JournalFile(path, header, done, failed);
  }

  /** Items finished by this or an earlier run. */
  get doneCount(): number {
    return this.#done.size;
  }

  /** Items whose last attempt failed, with why. */
  get failures(): ReadonlyMap<string, string> {
    return this.#failed;
  }

  isDone(key: string): boolean {
    return this.#done.has(key);
  }

  record(entry: BulkJournalEntry): void {
    // Synchronous, so the line is in the file before the next item can start.
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    if (entry.outcome === "done") {
      this.#done.add(entry.key);
      this.#failed.delete(entry.key);
    } else this.#failed.set(entry.key, entry.error ?? "failed");
  }

  /** Removes the file once the run has nothing left to resume. */
  remove(): void {
    rmSync(this.path, { force: true });
  }
}
