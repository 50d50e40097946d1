import { sleep } from "./retry.ts";

/** Told how long requests are held back after a rate limit. */
export type RateLimitListener = (pauseMs: number) => void;

/**
 * One pause shared by every request of a client: when the server rate-limits
 * any request, all of them wait until the server's hint has passed, instead of
 * each worker of a bulk run hitting the limit on its own.
 */
export class RateLimitGate {
  #pausedUntil = 0;
  readonly #listeners = new Set<RateLimitListener>();

  /** Whether requests are being held back now. */
  get paused(): boolean {
    return Date.now() < this.#pausedUntil;
  }

  /** When the current pause ends (epoch ms; in the past when there is none). */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** Holds back every request for `ms` (a longer pause already running is kept). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
    for (const listener of this.#listeners) listener(ms);
  }

  /** Resolves once no pause is running; rejects with `AbortError` if the signal fires first. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let left = this.#pausedUntil - Date.now(); left > 0; left = this.#pausedUntil - Date.now()) {
      await sleep(left, signal);
    }
  }

  /** Calls `listener` on every pause; returns the function that stops it. */
  onPause(listener: RateLimitListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
