import type { GenericSchema } from "valibot";
import { defaultTransport, defaultUserAgent } from "./default-transport.ts";
import {
  AbortError,
  type ApiError,
  apiErrorFor,
  ConnectionError,
  InvalidInputError,
  InvalidResponseError,
  RateLimitError,
  type RequestDescription,
  ResponseTooLargeError,
  readMatrixError,
  SynadmError,
  TimeoutError,
} from "./errors.ts";
import { type Logger, redactSecrets, silentLogger } from "./logger.ts";
import { checkPathSegments, joinUrl } from "./path.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isIdempotent,
  isTransientStatus,
  MAX_TIMER_MS,
  type RetryPolicy,
  serverRetryDelayMs,
  sleep,
} from "./retry.ts";
import { checkResponse } from "./schema.ts";
import { type HttpResponse, type Transport, TransportFailure } from "./transport.ts";

/** HTTP methods the admin and client-server APIs use. */
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** Which URL prefix an endpoint lives under. */
export type ApiPrefix = "admin" | "matrix" | "none";

/** A query parameter value: `undefined`/`null` are left out, arrays repeat the key, booleans are `true`/`false`. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | ReadonlyArray<string | number | boolean>;

/** Options every API call accepts. */
export interface RequestOptions {
  /** Cancels the request and any retry wait. */
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  readonly timeoutMs?: number;
  /** Overrides the client's retry count for this call. */
  readonly maxRetries?: number;
  /** Overrides the client's response size limit for this call. */
  readonly maxResponseBytes?: number;
}

/** The response size limit when the caller gives none: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 64 * 1024 * 1024;

/** One API call as resources describe it. */
export interface ApiRequest<T> extends RequestOptions {
  readonly method: HttpMethod;
  /** Already encoded; build it with the `path` template tag. */
  readonly path: string;
  /** URL prefix (default `admin`). */
  readonly prefix?: ApiPrefix;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON when given. */
  readonly body?: unknown;
  /** Checked against the 2xx response; fields it does not name pass through untouched. */
  readonly schema?: GenericSchema<unknown, T>;
  /** Another access token for this call, or `null` to send none (login, discovery). */
  readonly accessToken?: string | null;
}

/** How to reach and talk to one homeserver. */
export interface HttpClientOptions {
  /** Where Synapse listens, e.g. `https://matrix.example.org` (a sub-path is kept). */
  readonly baseUrl: string;
  /** An admin user's access token. */
  readonly accessToken?: string;
  /**
   * Gives the token for each request instead of `accessToken`: for tokens
   * that expire (OAuth 2.0), so that a long run renews its token as it goes.
   */
  readonly accessTokenProvider?: () => Promise<string>;
  /** Prefix of the Admin API (default `/_synapse/admin`). */
  readonly adminPath?: string;
  /** Prefix of the Matrix APIs (default `/_matrix`). */
  readonly matrixPath?: string;
  /**
   * Time allowed per request attempt (default 30 s); also the longest a call
   * waits for a rate limit. At most 2^31 - 1 ms (Node's timer limit).
   */
  readonly timeoutMs?: number;
  /**
   * The longest answer read, in bytes (default 64 MiB); a longer one fails
   * with {@link ResponseTooLargeError} without being read further.
   */
  readonly maxResponseBytes?: number;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Replaces the network, e.g. with a fake in tests or {@link FetchTransport}. By default
   * {@link NodeHttpTransport} on Node, Bun and Deno, {@link FetchTransport} in browsers.
   */
  readonly transport?: Transport;
  /** Verify the server's certificate (default true); for the default transport, when no `transport` is given. */
  readonly verifyTls?: boolean;
  /** CA certificates in PEM to trust instead of Node's bundled ones; for the default transport. */
  readonly ca?: string;
  /**
   * A PEM file of CA certificates to trust besides Node's bundled ones, as
   * `NODE_EXTRA_CA_CERTS` does, read on the first https request; for the default transport.
   */
  readonly extraCaFile?: string;
  readonly logger?: Logger;
  /** The `user-agent` header (default `synadm`; none in browsers, which set their own; `""` sends none). */
  readonly userAgent?: string;
  /** Told about every request that may change something (all but GET), after it ended. */
  readonly onChange?: (record: ChangeRecord) => void;
  /**
   * The pause shared after a rate limit; give one gate to several clients to
   * pause them together. By default each client has its own, holding pauses of
   * at most `retry.maxRetryAfterMs`.
   */
  readonly rateLimitGate?: RateLimitGate;
  /**
   * Whether a rate limit on one call holds back every call of the client
   * (default true). `false`: only the limited call waits; the gate is neither
   * paused nor waited for by the client.
   */
  readonly shareRateLimitPause?: boolean;
  /**
   * Makes the error thrown for an HTTP error status that is not a rate limit,
   * for APIs whose error bodies are not Matrix's (MAS); by default {@link apiErrorFor}.
   */
  readonly errorFor?: (status: number, body: unknown, request: RequestDescription) => ApiError;
}

/** What an audit trail keeps of a changing request: never its body or the token. */
export interface ChangeRecord {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly outcome: "ok" | "failed";
  /** The HTTP status of a failure, if an answer came. */
  readonly status?: number;
  /** Why it failed, if it did. */
  readonly error?: string;
}

/**
 * The one place requests are made: URL composition, authentication, JSON,
 * timeouts, retries and the mapping of failures to error classes.
 */
export class HttpClient {
  readonly baseUrl: string;
  readonly adminPath: string;
  readonly matrixPath: string;
  readonly timeoutMs: number;
  /** The longest answer read, in bytes. */
  readonly maxResponseBytes: number;
  /** Whether a rate limit on one call holds back the others. */
  readonly shareRateLimitPause: boolean;
  readonly retryPolicy: RetryPolicy;
  readonly logger: Logger;
  readonly transport: Transport;
  /** Holds back every request of this client while the server's rate-limit hint runs. */
  readonly rateLimits: RateLimitGate;
  readonly #accessToken: string | undefined;
  readonly #accessTokenProvider: (() => Promise<string>) | undefined;
  readonly #userAgent: string | undefined;
  readonly #onChange: ((record: ChangeRecord) => void) | undefined;
  readonly #errorFor: HttpClientOptions["errorFor"];

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl;
    this.adminPath = options.adminPath ?? "/_synapse/admin";
    this.matrixPath = options.matrixPath ?? "/_matrix";
    this.timeoutMs = checkTimeoutMs(options.timeoutMs ?? 30_000, "timeoutMs");
    this.maxResponseBytes = checkPositive(
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      "maxResponseBytes",
    );
    this.shareRateLimitPause = options.shareRateLimitPause ?? true;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    checkTimeoutMs(this.retryPolicy.maxRetryAfterMs, "retry.maxRetryAfterMs", 0);
    this.logger = options.logger ?? silentLogger;
    this.#accessToken = options.accessToken;
    this.#accessTokenProvider = options.accessTokenProvider;
    this.#userAgent = options.userAgent ?? defaultUserAgent();
    this.#onChange = options.onChange;
    this.#errorFor = options.errorFor;
    this.rateLimits =
      options.rateLimitGate ?? new RateLimitGate({ maxPauseMs: this.retryPolicy.maxRetryAfterMs });
    this.transport =
      options.transport ??
      defaultTransport({
        ...(options.verifyTls === undefined ? {} : { verifyTls: options.verifyTls }),
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        ...(options.extraCaFile === undefined ? {} : { extraCaFile: options.extraCaFile }),
      });
  }

  /** Whether an access token was configured. */
  get hasAccessToken(): boolean {
    return Boolean(this.#accessToken || this.#accessTokenProvider);
  }

  /**
   * The full URL of an endpoint, as requests will use it. Throws
   * {@link InvalidInputError} for a path with an empty, `.` or `..` segment
   * (an ID that would send the request to another endpoint).
   */
  url(prefix: ApiPrefix, path: string, query?: Readonly<Record<string, QueryValue>>): URL {
    const base = prefix === "admin" ? this.adminPath : prefix === "matrix" ? this.matrixPath : "";
    checkPathSegments(path);
    let url: URL;
    try {
      url = new URL(joinUrl(this.baseUrl, base, path));
    } catch {
      throw new InvalidInputError(
        `invalid base URL "${this.baseUrl}": expected a URL like https://matrix.example.org`,
      );
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    return url;
  }

  /** Sends one API call, retrying where that is safe, and returns the decoded JSON answer. */
  async request<T = unknown>(request: ApiRequest<T>): Promise<T> {
    if (!this.#onChange || request.method === "GET") return this.#send(request);
    const url = this.url(request.prefix ?? "admin", request.path, request.query);
    const path = url.pathname + url.search;
    try {
      const result = await this.#send(request);
      this.#onChange({ method: request.method, path, outcome: "ok" });
      return result;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      this.#onChange({
        method: request.method,
        path,
        outcome: "failed",
        ...(typeof status === "number" ? { status } : {}),
        error: (error as Error).message,
      });
      throw error;
    }
  }

  async #send<T>(request: ApiRequest<T>): Promise<T> {
    const url = this.url(request.prefix ?? "admin", request.path, request.query);
    const description: RequestDescription = { method: request.method, path: url.pathname + url.search };
    const token =
      request.accessToken !== undefined
        ? request.accessToken
        : this.#accessTokenProvider
          ? await this.#accessTokenProvider()
          : this.#accessToken;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.#userAgent) headers["user-agent"] = this.#userAgent;
    if (token) headers["authorization"] = `Bearer ${token}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(request.body);
    }
    const timeoutMs = checkTimeoutMs(request.timeoutMs ?? this.timeoutMs, "timeoutMs");
    const maxResponseBytes = checkPositive(
      request.maxResponseBytes ?? this.maxResponseBytes,
      "maxResponseBytes",
    );
    const maxRetries = request.maxRetries ?? this.retryPolicy.maxRetries;
    const idempotent = isIdempotent(request.method);
    // All rate-limit waits of one call together stay within its timeout and the client's cap.
    const allowedWaitMs = Math.min(timeoutMs, this.retryPolicy.maxRetryAfterMs);
    let waitedMs = 0;
    // This call's pauses of the shared gate, withdrawn when it ends (aborted or not).
    const ownPauses: Array<() => void> = [];

    try {
      for (let attempt = 0; ; attempt++) {
        const canRetry = attempt < maxRetries;
        if (this.shareRateLimitPause && this.rateLimits.paused) {
          const before = Date.now();
          const left = this.rateLimits.pausedUntil - before;
          if (!(await this.rateLimits.wait(request.signal, before + allowedWaitMs - waitedMs))) {
            throw new RateLimitError(429, undefined, description, left, allowedWaitMs);
          }
          waitedMs += Date.now() - before;
        }
        this.#logRequest(description, token, request.body, attempt);
        const started = Date.now();
        let response: HttpResponse;
        try {
          response = await this.transport.send({
            method: request.method,
            url,
            headers,
            timeoutMs,
            maxResponseBytes,
            ...(body === undefined ? {} : { body }),
            ...(request.signal === undefined ? {} : { signal: request.signal }),
          });
        } catch (error) {
          // The library's own errors (an unreadable CA file) go on as they are; a transport of the
          // caller's failing otherwise still fails as the library's errors do, not repeated: whether
          // its request arrived is not known.
          if (error instanceof SynadmError) throw error;
          if (!(error instanceof TransportFailure))
            throw new ConnectionError(description, url.origin, error, true);
          if (error.kind === "abort") throw new AbortError(`${description.method} ${description.path}`);
          // The same answer would come again: not retried.
          if (error.kind === "too-large") {
            throw new ResponseTooLargeError(description, error.status ?? 0, maxResponseBytes);
          }
          // A request that may have reached the server is repeated only if doing it twice is harmless.
          const safe = idempotent || !error.mayHaveArrived;
          const failure =
            error.kind === "timeout"
              ? new TimeoutError(description, timeoutMs)
              : new ConnectionError(description, url.origin, error.cause ?? error, error.mayHaveArrived);
          if (!(safe && canRetry)) throw failure;
          await this.#wait(backoffDelayMs(attempt, this.retryPolicy), failure.message, request.signal);
          continue;
        }
        this.logger.debug(
          `← ${response.status} ${description.method} ${description.path} (${Date.now() - started} ms)`,
        );

        // No Content (MAS's deletions, set-password): there is nothing to decode.
        if (response.status === 204) return undefined as T;
        const decoded = decodeBody(response);
        if (response.status >= 200 && response.status < 300) {
          if (!decoded.ok) throw new InvalidResponseError(description, response.status, decoded.problem);
          return request.schema
            ? checkResponse(request.schema, decoded.value, description, response.status)
            : (decoded.value as T);
        }

        const errorBody = decoded.ok ? decoded.value : response.body;
        const hint = serverRetryDelayMs(response.headers, errorBody);
        if (response.status === 429 || readMatrixError(errorBody).errcode === "M_LIMIT_EXCEEDED") {
          // Rate-limited requests were refused before any work, so every method may be repeated.
          const delay = hint ?? backoffDelayMs(attempt, this.retryPolicy);
          if (!canRetry) {
            throw new RateLimitError(
              response.status,
              errorBody,
              description,
              hint,
              undefined,
              response.headers,
            );
          }
          if (delay > allowedWaitMs - waitedMs) {
            throw new RateLimitError(
              response.status,
              errorBody,
              description,
              delay,
              allowedWaitMs,
              response.headers,
            );
          }
          this.#sayWait(delay, description);
          if (this.shareRateLimitPause) {
            // Every other request of this client waits too, rather than running into the same limit.
            ownPauses.push(this.rateLimits.pause(delay));
          } else {
            await sleep(delay, request.signal);
            waitedMs += delay;
          }
          continue;
        }
        if (isTransientStatus(response.status) && idempotent && canRetry) {
          // The server's hint is obeyed only as far as this call's timeout and the client's cap allow.
          const delay = Math.min(hint ?? backoffDelayMs(attempt, this.retryPolicy), allowedWaitMs);
          await this.#wait(
            delay,
            `HTTP ${response.status} on ${description.method} ${description.path}`,
            request.signal,
          );
          continue;
        }
        if (this.#errorFor && response.status !== 429)
          throw this.#errorFor(response.status, errorBody, description);
        throw apiErrorFor(response.status, errorBody, description, hint, response.headers);
      }
    } finally {
      for (const withdraw of ownPauses) withdraw();
    }
  }

  /** Says on the logger why the client waits: as a warning when the wait is long enough to notice. */
  #sayWait(delay: number, description: RequestDescription): void {
    const message =
      `rate limited on ${description.method} ${description.path}; waiting ${(delay / 1000).toFixed(1)} s` +
      ` as the server asks${this.shareRateLimitPause ? ", with every request of this client" : ""}`;
    if (delay >= NOTICEABLE_WAIT_MS) this.logger.warn(message);
    else this.logger.info(message);
  }

  async #wait(ms: number, reason: string, signal: AbortSignal | undefined): Promise<void> {
    this.logger.info(`${reason}; retrying in ${(ms / 1000).toFixed(1)} s`);
    await sleep(ms, signal);
  }

  #logRequest(
    description: RequestDescription,
    token: string | null | undefined,
    body: unknown,
    attempt: number,
  ): void {
    const again = attempt > 0 ? ` (retry ${attempt})` : "";
    this.logger.info(`${description.method} ${description.path}${again}`);
    this.logger.debug(`  authorization: ${token ? "Bearer <redacted>" : "(none)"}`);
    if (body !== undefined) this.logger.debug(`  body: ${JSON.stringify(redactSecrets(body))}`);
  }
}

/** Waits from this long on are told as warnings (shown by the CLI without -v). */
const NOTICEABLE_WAIT_MS = 5000;

/** Checks a timeout or wait in ms: a number from `min` up to Node's timer limit, else {@link InvalidInputError}. */
function checkTimeoutMs(ms: number, name: string, min = 1): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < min || ms > MAX_TIMER_MS) {
    throw new InvalidInputError(
      `invalid ${name} ${ms}: expected ${min === 0 ? "0" : "1"} to ${MAX_TIMER_MS} ms (Node's timer limit, about 24.8 days)`,
    );
  }
  return ms;
}

function checkPositive(value: number, name: string): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < 1) {
    throw new InvalidInputError(`invalid ${name} ${value}: expected a number of bytes above 0`);
  }
  return value;
}

type Decoded = { ok: true; value: unknown } | { ok: false; problem: string };

function decodeBody(response: HttpResponse): Decoded {
  const text = response.body;
  if (text.trim() === "") return { ok: false, problem: "empty body" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const type = response.headers["content-type"]?.split(";")[0] ?? "no content type";
    const start = text.trim().slice(0, 60).replace(/\s+/g, " ");
    return { ok: false, problem: `expected JSON, got ${type}: "${start}${text.length > 60 ? "…" : ""}"` };
  }
}
