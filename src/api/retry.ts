import { AbortError } from "./errors.ts";

/** How the client retries failed requests. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  readonly maxRetries: number;
  /** First backoff step when the server gave no hint (default 500 ms). */
  readonly baseDelayMs: number;
  /** Largest backoff step (default 8 s). */
  readonly maxDelayMs: number;
  /**
   * The longest wait for a rate limit (default 5 minutes): a server asking
   * for more makes the call fail at once with `RateLimitError` instead of
   * sleeping. A call waits no longer than its own timeout either. The client's
   * rate-limit gate holds no longer pause, and bulk runs fail an item rather
   * than wait longer. At most {@link MAX_TIMER_MS}.
   */
  readonly maxRetryAfterMs: number;
}

/** The policy used when the caller gives none. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 300_000,
};

/**
 * The longest delay Node's timers keep (2^31 - 1 ms, about 24.8 days); a
 * longer one fires after 1 ms. Longer timeouts are refused as bad input, and
 * waits the server asks for are cut far below it.
 */
export const MAX_TIMER_MS: number = 2 ** 31 - 1;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** Whether repeating the request cannot do the work twice (RFC 9110 §9.2.2). */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Statuses that say "try again later" without the request having been acted on. */
export function isTransientStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/**
 * How long the server asked us to wait: the `Retry-After` header (seconds or an
 * HTTP date) first, then the body's `retry_after_ms`, which Matrix deprecated in
 * spec v1.10 in favour of the header but Synapse still sends.
 */
export function serverRetryDelayMs(
  headers: Readonly<Record<string, string | undefined>>,
  body: unknown,
  now: number = Date.now(),
): number | undefined {
  const header = headers["retry-after"]?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.round(Number(header) * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (typeof body === "object" && body !== null) {
    const ms = (body as Record<string, unknown>)["retry_after_ms"];
    if (typeof ms === "number" && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return undefined;
}

/**
 * Exponential backoff with up to 25 % jitter, so that many clients (or many
 * workers of one bulk run) do not come back in the same instant.
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return Math.round(step * (1 - random() * 0.25));
}

/**
 * Waits, unless the signal fires first. A wait beyond Node's timer limit
 * ({@link MAX_TIMER_MS}) is taken in parts rather than firing at once.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let left = Number.isNaN(ms) ? 0 : Math.max(0, ms);
  do {
    const part = Math.min(left, MAX_TIMER_MS);
    await sleepOnce(part, signal);
    left -= part;
  } while (left > 0);
}

function sleepOnce(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortError("wait"));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError("wait"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
