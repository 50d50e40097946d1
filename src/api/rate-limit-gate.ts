import { AbortError } from "./errors.ts";
import { MAX_TIMER_MS } from "./retry.ts";

/** Told how long requests are held back after a rate limit. */
export type RateLimitListener = (pauseMs: number) => void;

/** Options of {@link RateLimitGate}. */
export interface RateLimitGateOptions {
  /**
   * The longest pause the gate holds (default 5 minutes, {@link DEFAULT_MAX_WAIT_MS}):
   * a longer one is cut to this. Bulk runs fail an item instead of waiting
   * when the server asks for more.
   */
  readonly maxPauseMs?: number;
}

/** The longest wait for a rate limit the library accepts when not told otherwise: 5 minutes. */
export const DEFAULT_MAX_WAIT_MS = 300_000;

/**
 * One pause shared by every request of a client: when the server rate-limits
 * any request, all of them wait until the server's hint has passed, instead of
 * each worker of a bulk run hitting the limit on its own.
 *
 * Each pause belongs to whoever set it and can be withdrawn with the function
 * {@link RateLimitGate.pause} returns: the client withdraws the pause of a call
 * that was aborted or gave up, so it does not hold back the calls after it.
 */
export class RateLimitGate {
  /** The longest pause this gate holds. */
  readonly maxPauseMs: number;
  readonly #pauses = new Set<{ readonly until: number }>();
  readonly #listeners = new Set<RateLimitListener>();
  /** Wakes the waiters when a pause is withdrawn, so they need not sleep it out. */
  readonly #wakeUps = new Set<() => void>();

  constructor(options: RateLimitGateOptions = {}) {
    this.maxPauseMs = options.maxPauseMs ?? DEFAULT_MAX_WAIT_MS;
  }

  /** Whether requests are being held back now. */
  get paused(): boolean {
    return Date.now() < this.pausedUntil;
  }

  /** When the current pause ends (epoch ms; in the past when there is none). */
  get pausedUntil(): number {
    let until = 0;
    const now = Date.now();
    for (const pause of this.#pauses) {
      if (pause.until <= now) this.#pauses.delete(pause);
      else until = Math.max(until, pause.until);
    }
    return until;
  }

  /**
   * Holds back every request for `ms` (at most {@link maxPauseMs}; a longer
   * pause already running is kept). Returns the function that withdraws this pause.
   */
  pause(ms: number): () => void {
    const pause = { until: Date.now() + Math.max(0, Math.min(ms, this.maxPauseMs)) };
    this.#pauses.add(pause);
    for (const listener of this.#listeners) listener(ms);
    return () => {
      if (!this.#pauses.delete(pause)) return;
      for (const wakeUp of this.#wakeUps) wakeUp();
    };
  }

  /**
   * Resolves once no pause is running; rejects with `AbortError` if the signal
   * fires first. With a `deadline` (epoch ms), resolves `false` at once, without
   * waiting, when the pause runs past it; otherwise `true`.
   */
  async wait(signal?: AbortSignal, deadline: number = Number.POSITIVE_INFINITY): Promise<boolean> {
    for (let until = this.pausedUntil; until > Date.now(); until = this.pausedUntil) {
      if (until > deadline) return false;
      await this.#sleepUntil(until, signal);
    }
    return true;
  }

  /** Sleeps until `until` or until a pause is withdrawn, whichever comes first. */
  #sleepUntil(until: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new AbortError("wait for the rate limit"));
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        this.#wakeUps.delete(done);
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = (): void => {
        done();
        reject(new AbortError("wait for the rate limit"));
      };
      const timer = setTimeout(done, Math.min(Math.max(0, until - Date.now()), MAX_TIMER_MS));
      this.#wakeUps.add(done);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Calls `listener` on every pause; returns the function that stops it. */
  onPause(listener: RateLimitListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
