import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";

/** What a lock file says about the run holding it. */
interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** Another live process holds the lock. */
export class JournalLockedError extends Error {
  override name = "JournalLockedError";
  readonly holder: LockHolder | undefined;
  readonly lockPath: string;

  constructor(lockPath: string, holder: LockHolder | undefined) {
    super(
      holder
        ? `process ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`} (since ${holder.since}) holds ${lockPath}`
        : `${lockPath} is being taken by another process`,
    );
    this.holder = holder;
    this.lockPath = lockPath;
  }
}

// A lock file that is still empty was created a moment ago (its holder writes its pid next)...
// or its holder died in between: after this long it is taken to be stale.
const EMPTY_LOCK_STALE_MS = 10_000;

function readHolder(path: string): LockHolder | undefined | "gone" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === "number" && Number.isInteger(value.pid) && typeof value.host === "string")
      return { pid: value.pid, host: value.host, since: String(value.since ?? "?") };
  } catch {
    // Cut short: see EMPTY_LOCK_STALE_MS.
  }
  return undefined;
}

/** Whether a process with this pid runs on this machine (one of another user counts too). */
function isRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(path: string, holder: LockHolder | undefined, now: number): boolean {
  // A holder on another machine (a shared home) cannot be checked: it is taken to be alive.
  if (holder) return holder.host === hostname() && !isRunning(holder.pid);
  try {
    return now - statSync(path).mtimeMs > EMPTY_LOCK_STALE_MS;
  } catch {
    return true;
  }
}

/**
 * An exclusive lock on one journal: a file beside it, created only if absent,
 * holding the pid of the run. A lock whose process is dead (a killed run) is
 * stale and taken over. Released by {@link release}, and at the latest when
 * the process exits.
 */
export class JournalLock {
  readonly path: string;
  readonly #content: string;
  #held = false;
  readonly #onExit = (): void => this.release();

  private constructor(path: string, content: string) {
    this.path = path;
    this.#content = content;
  }

  /** Takes the lock of the journal at `journalPath`; throws {@link JournalLockedError} when a live run holds it. */
  static acquire(journalPath: string, now: number = Date.now()): JournalLock {
    const path = `${journalPath}.lock`;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const content = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date(now).toISOString() })}\n`;
    const lock = new JournalLock(path, content);
    // Two tries: the second after taking a stale lock away.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (lock.#tryCreate()) return lock;
      const holder = readHolder(path);
      if (holder === "gone") continue;
      if (!isStale(path, holder, now)) throw new JournalLockedError(path, holder);
      removeStale(path, holder);
    }
    throw new JournalLockedError(path, undefined);
  }

  /** Gives the lock up (only if it is still this run's). */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    process.off("exit", this.#onExit);
    try {
      if (readFileSync(this.path, "utf8") === this.#content) rmSync(this.path, { force: true });
    } catch {
      // Already gone.
    }
  }

  #tryCreate(): boolean {
    let fd: number;
    try {
      fd = openSync(this.path, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    try {
      writeSync(fd, this.#content);
    } finally {
      closeSync(fd);
    }
    this.#held = true;
    process.on("exit", this.#onExit);
    return true;
  }
}

/**
 * Takes a stale lock away. It is first renamed to a name of this process's
 * own, and only removed if it still names the dead holder: a run that took
 * the lock over in the meantime keeps it.
 */
function removeStale(path: string, holder: LockHolder | undefined): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else took it away first
  }
  const moved = readHolder(aside);
  const same =
    moved === "gone" ||
    (holder === undefined
      ? moved === undefined
      : moved !== undefined && moved.pid === holder.pid && moved.since === holder.since);
  if (same) rmSync(aside, { force: true });
  else {
    // A live run's lock, taken in the meantime: put it back, unless yet another run holds the path now.
    try {
      linkSync(aside, path);
    } catch {
      // That other run keeps it.
    }
    rmSync(aside, { force: true });
  }
}
