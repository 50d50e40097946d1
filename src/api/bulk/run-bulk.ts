import { nodeBuiltins } from "../builtins.ts";
import { AbortError, RateLimitError, SynadmError } from "../errors.ts";
import { DEFAULT_MAX_WAIT_MS, type RateLimitGate } from "../rate-limit-gate.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from "../retry.ts";
import { AdaptiveLimit } from "./adaptive-limit.ts";

/** What a bulk run keeps of each finished item, so that an interrupted run can be resumed. */
export interface BulkJournal {
  /** Whether an earlier run already finished this item (it is then skipped). */
  isDone(key: string): boolean;
  /** Keeps what happened to one item; called before the run moves on. */
  record(entry: BulkJournalEntry): void;
}

/** One line of a {@link BulkJournal}. */
export interface BulkJournalEntry {
  readonly key: string;
  readonly outcome: "done" | "failed";
  /** Why it failed. */
  readonly error?: string;
}

/** Where a bulk run stands, as told to `onProgress`. */
export interface BulkProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  /** Finished by an earlier run, per the journal. */
  readonly skipped: number;
  readonly inFlight: number;
  /** Items allowed in flight now (lower than asked for after rate limits). */
  readonly concurrency: number;
  /** Until when the server's rate limit holds requests back (epoch ms), if it does now. */
  readonly pausedUntil: number | undefined;
  /** Whether the run was asked to stop and is only finishing the items in flight. */
  readonly stopping: boolean;
  readonly startedAt: number;
}

/** How to run one action over many items. */
export interface BulkRunOptions<Item, Result> {
  readonly items: readonly Item[];
  /** Does the work for one item; transient failures are already retried by the client. */
  readonly perform: (item: Item, signal: AbortSignal) => Promise<Result>;
  /** The item's key in the journal (default `String(item)`). */
  readonly keyOf?: (item: Item) => string;
  /** Items in flight at most (default 8). */
  readonly concurrency?: number;
  /** The client's gate (`admin.http.rateLimits`): its pauses slow the whole run down. */
  readonly rateLimits?: RateLimitGate;
  readonly journal?: BulkJournal;
  /** When it fires, no further item starts; those in flight finish. */
  readonly stopSignal?: AbortSignal;
  /** When it fires, items in flight are aborted too (they count as failed). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BulkProgress) => void;
  /** How often one item is tried again after the server rate-limited it (default 10). */
  readonly maxRateLimitRetries?: number;
  /**
   * The longest pause for a rate limit the run accepts (default: the gate's
   * `maxPauseMs`, else 5 minutes). When the server asks for more, the item
   * fails with its `RateLimitError`, and so does every item not started yet,
   * without a request: the run ends instead of waiting for hours.
   */
  readonly maxWaitMs?: number;
}

/** What a bulk run did. */
export interface BulkOutcome<Item, Result> {
  readonly done: Array<{ item: Item; result: Result }>;
  readonly failed: Array<{ item: Item; error: Error }>;
  /** Finished by an earlier run, per the journal. */
  readonly skipped: Item[];
  /** Not started because the run was stopped. */
  readonly notStarted: Item[];
  readonly interrupted: boolean;
}

/**
 * Runs `perform` over every item with bounded, adaptive concurrency: a rate
 * limit on any item pauses them all (through the shared gate) and halves the
 * items in flight, which then grow back one by one. A rate-limited item is
 * tried again rather than lost; any other failure is recorded for that item
 * and the run goes on. With a journal, finished items of an earlier run are
 * skipped and each outcome is kept as soon as it is known.
 */
export async function runBulk<Item, Result>(
  options: BulkRunOptions<Item, Result>,
): Promise<BulkOutcome<Item, Result>> {
  const keyOf = options.keyOf ?? String;
  const limit = new AdaptiveLimit(options.concurrency ?? 8);
  // Every item in flight listens to this signal: our own one, allowed that many listeners,
  // follows the caller's (one listener there) so Node warns about neither.
  const aborter = new AbortController();
  const { signal } = aborter;
  nodeBuiltins()?.("node:events").setMaxListeners(2 * (options.concurrency ?? 8) + 10, signal);
  const forwardAbort = (): void => aborter.abort(options.signal?.reason);
  if (options.signal?.aborted) forwardAbort();
  else options.signal?.addEventListener("abort", forwardAbort, { once: true });
  const maxRetries = options.maxRateLimitRetries ?? 10;
  const maxWaitMs = options.maxWaitMs ?? options.rateLimits?.maxPauseMs ?? DEFAULT_MAX_WAIT_MS;
  // Set once the server asked for a longer wait than allowed: the items after it are not tried.
  let refusedWait: RateLimitError | undefined;
  const outcome: BulkOutcome<Item, Result> = {
    done: [],
    failed: [],
    skipped: [],
    notStarted: [],
    interrupted: false,
  };
  const queue: Item[] = [];
  for (const item of options.items) {
    if (options.journal?.isDone(keyOf(item))) outcome.skipped.push(item);
    else queue.push(item);
  }
  const rateLimitRetries = new Map<Item, number>();
  const startedAt = Date.now();
  const stopping = (): boolean => Boolean(options.stopSignal?.aborted) || signal.aborted;
  const report = (): void =>
    options.onProgress?.({
      total: options.items.length,
      done: outcome.done.length,
      failed: outcome.failed.length,
      skipped: outcome.skipped.length,
      inFlight: limit.active,
      concurrency: limit.limit,
      pausedUntil: options.rateLimits?.paused ? options.rateLimits.pausedUntil : undefined,
      stopping: stopping(),
      startedAt,
    });

  // Many workers see the same limit at once; slow down once per burst, not once per worker.
  let lastSlowDown = 0;
  const slowDown = (): void => {
    if (Date.now() - lastSlowDown < 1000) return;
    lastSlowDown = Date.now();
    limit.slowDown();
  };
  const unsubscribe = options.rateLimits?.onPause(() => {
    slowDown();
    report();
  });
  const stopListener = (): void => report();
  options.stopSignal?.addEventListener("abort", stopListener, { once: true });

  const finish = (item: Item, result: { ok: true; value: Result } | { ok: false; error: Error }): void => {
    if (result.ok) {
      options.journal?.record({ key: keyOf(item), outcome: "done" });
      outcome.done.push({ item, result: result.value });
    } else {
      options.journal?.record({ key: keyOf(item), outcome: "failed", error: result.error.message });
      outcome.failed.push({ item, error: result.error });
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (stopping() || queue.length === 0) return;
      await limit.acquire();
      const item = stopping() ? undefined : queue.shift();
      if (item === undefined) {
        limit.release(false);
        return;
      }
      try {
        if (refusedWait) throw new SynadmError(`not tried: ${refusedWait.message}`, { cause: refusedWait });
        if (options.rateLimits?.paused) await options.rateLimits.wait(signal);
        const value = await options.perform(item, signal);
        finish(item, { ok: true, value });
        limit.release(true);
      } catch (caught) {
        // A non-Error thrown by \`perform\` still fails as the library's errors do.
        const error = caught instanceof Error ? caught : new SynadmError(String(caught), { cause: caught });
        const retries = rateLimitRetries.get(item) ?? 0;
        const pauseMs =
          error instanceof RateLimitError
            ? (error.retryAfterMs ?? backoffDelayMs(retries, DEFAULT_RETRY_POLICY))
            : 0;
        if (error instanceof RateLimitError && pauseMs > maxWaitMs) {
          refusedWait ??= new RateLimitError(
            error.status,
            error.body,
            error.request,
            error.retryAfterMs,
            maxWaitMs,
          );
          finish(item, { ok: false, error: refusedWait });
        } else if (error instanceof RateLimitError && retries < maxRetries && !signal.aborted) {
          // The client gave up waiting; the item goes back to the front, after a shared pause.
          rateLimitRetries.set(item, retries + 1);
          queue.unshift(item);
          slowDown();
          options.rateLimits?.pause(pauseMs);
        } else {
          finish(item, {
            ok: false,
            error:
              error instanceof AbortError
                ? new SynadmError("interrupted while in flight; it may or may not have been carried out", {
                    cause: error,
                  })
                : error,
          });
        }
        limit.release(false);
      }
      report();
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(limit.max, queue.length) }, worker));
  } finally {
    unsubscribe?.();
    options.stopSignal?.removeEventListener("abort", stopListener);
    options.signal?.removeEventListener("abort", forwardAbort);
  }
  outcome.notStarted.push(...queue);
  (outcome as { interrupted: boolean }).interrupted = stopping() && (queue.length > 0 || signal.aborted);
  report();
  return outcome;
}
