/**
 * Every error the library throws is a {@link SynadmError}, so callers can tell
 * library failures from their own bugs with one `instanceof`.
 */
export class SynadmError extends Error {
  override name = "SynadmError";
}

/** Where a failed request went: enough to name it in a message, never the token. */
export interface RequestDescription {
  readonly method: string;
  /** Path and query of the request, without scheme, host or credentials. */
  readonly path: string;
}

function describe(request: RequestDescription): string {
  return `${request.method} ${request.path}`;
}

/**
 * The server answered with an HTTP error status. Carries the Matrix `errcode`
 * and `error` when the body had them.
 */
export class ApiError extends SynadmError {
  override name = "ApiError";
  readonly status: number;
  readonly errcode: string | undefined;
  readonly error: string | undefined;
  readonly request: RequestDescription;
  /** The decoded JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  /** The response's headers, names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /**
   * The `Synapse-Trace-Id` header: the request's ID in the server's tracing,
   * for its admin to find it (sent only when Synapse has tracing on).
   */
  readonly traceId: string | undefined;

  /** `location`: where a 3xx answer pointed. `headers`: the response's, names in lower case. */
  constructor(
    status: number,
    body: unknown,
    request: RequestDescription,
    location?: string,
    headers: Readonly<Record<string, string | undefined>> = {},
  ) {
    const matrix = readMatrixError(body);
    const what = matrix.errcode ? ` ${matrix.errcode}: ${matrix.error ?? "(no message)"}` : "";
    // A redirect is not followed: it would carry the token to wherever it points.
    const moved = location ? ` (redirected to ${location}; is base_url right?)` : "";
    super(`${describe(request)} failed: HTTP ${status}${what}${moved}`);
    this.status = status;
    this.errcode = matrix.errcode;
    this.error = matrix.error;
    this.request = request;
    this.body = body;
    this.headers = headers;
    this.traceId = headers["synapse-trace-id"];
  }
}

/** 400: the server rejected the request as malformed. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
/** 401: the access token is missing, unknown or expired. */
export class UnauthorizedError extends ApiError {
  override name = "UnauthorizedError";
}
/** 403: the token is valid but its user is not a server admin (or lacks the right). */
export class ForbiddenError extends ApiError {
  override name = "ForbiddenError";
}
/** 404: the endpoint or the thing asked for does not exist. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
/** 5xx: the server (or a proxy in front of it) failed. */
export class ServerError extends ApiError {
  override name = "ServerError";
}

/**
 * 429 or `M_LIMIT_EXCEEDED`, still rate limited after the allowed retries, or
 * asked to wait longer than the client is willing to (then `allowedWaitMs`
 * says how long it would have waited, and nothing was retried).
 */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  /** How long the server asked us to wait, if it said. */
  readonly retryAfterMs: number | undefined;
  /**
   * The longest the client would wait when the server asked for more: the
   * call's timeout or the client's `retry.maxRetryAfterMs`. Absent when the
   * retries ran out instead.
   */
  readonly allowedWaitMs: number | undefined;

  constructor(
    status: number,
    body: unknown,
    request: RequestDescription,
    retryAfterMs: number | undefined,
    allowedWaitMs?: number,
    headers?: Readonly<Record<string, string | undefined>>,
  ) {
    super(status, body, request, undefined, headers);
    this.retryAfterMs = retryAfterMs;
    this.allowedWaitMs = allowedWaitMs;
    if (retryAfterMs !== undefined) {
      const more =
        allowedWaitMs === undefined ? "" : `, longer than the ${formatSeconds(allowedWaitMs)} allowed`;
      this.message += ` (server asks to wait ${formatSeconds(retryAfterMs)}${more})`;
    }
  }
}

/**
 * The Matrix Authentication Service's admin API answered with an HTTP error
 * status. Its body is `{errors: [{title}]}`, without stable codes, so the
 * titles are all there is to tell one failure from another.
 */
export class MasApiError extends ApiError {
  override name = "MasApiError";
  /** The `title` of each of the body's `errors`, in order. */
  readonly titles: readonly string[];

  constructor(status: number, body: unknown, request: RequestDescription) {
    super(status, body, request);
    const errors = (body as { errors?: unknown } | null)?.errors;
    this.titles = Array.isArray(errors)
      ? errors.flatMap((error) => {
          const title = (error as { title?: unknown } | null)?.title;
          return typeof title === "string" ? [title] : [];
        })
      : [];
    if (this.titles.length > 0) this.message += `: ${this.titles.join("; ")}`;
  }
}

/**
 * The authorization server answered an OAuth 2.0 error (RFC 6749 section
 * 5.2, RFC 8628 section 3.5): `error` holds its code (`invalid_client`,
 * `invalid_grant`, `access_denied`...), or is undefined when the answer had none.
 */
export class OAuthError extends SynadmError {
  override name = "OAuthError";
  readonly error: string | undefined;
  /** The server's `error_description`, if any. */
  readonly description: string | undefined;
  /** The HTTP status, if an answer came. */
  readonly status: number | undefined;
  readonly request: RequestDescription;

  constructor(request: RequestDescription, status: number | undefined, error?: string, description?: string) {
    const what = error ? ` ${error}${description ? `: ${description}` : ""}` : "";
    super(`${request.method} ${request.path} failed:${status === undefined ? "" : ` HTTP ${status}`}${what}`);
    this.error = error;
    this.description = description;
    this.status = status;
    this.request = request;
  }
}

/** The person refused the device login (`access_denied`). */
export class AccessDeniedError extends OAuthError {
  override name = "AccessDeniedError";
}

/** The device code expired (`expired_token`, or `expires_in` passed) before the person approved it. */
export class DeviceCodeExpiredError extends OAuthError {
  override name = "DeviceCodeExpiredError";
}

/** The server could not be reached: DNS, refused or reset connection, TLS failure. */
export class ConnectionError extends SynadmError {
  override name = "ConnectionError";
  readonly request: RequestDescription;
  /** The system error code (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`...) if there was one. */
  readonly code: string | undefined;

  /** True when the connection broke after the request was sent: the server may have carried it out. */
  readonly mayHaveArrived: boolean;

  constructor(request: RequestDescription, origin: string, cause: unknown, mayHaveArrived = false) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const what = mayHaveArrived
      ? `the connection to ${origin} broke after the request was sent, so it may have been carried out`
      : `cannot reach ${origin}`;
    super(`${describe(request)} failed: ${what}: ${reason}`, { cause });
    this.mayHaveArrived = mayHaveArrived;
    this.request = request;
    this.code = typeof code === "string" ? code : undefined;
  }
}

/** No complete response arrived within the request timeout. */
export class TimeoutError extends SynadmError {
  override name = "TimeoutError";
  readonly request: RequestDescription;
  readonly timeoutMs: number;

  constructor(request: RequestDescription, timeoutMs: number) {
    super(`${describe(request)} failed: no response within ${formatSeconds(timeoutMs)}`);
    this.request = request;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A 2xx answer the client cannot use: not JSON (an HTML page from a proxy, a
 * truncated body), or JSON without the fields the code relies on.
 */
export class InvalidResponseError extends SynadmError {
  override name = "InvalidResponseError";
  readonly request: RequestDescription;
  readonly status: number;

  constructor(request: RequestDescription, status: number, problem: string) {
    super(`${describe(request)} returned an invalid response (HTTP ${status}): ${problem}`);
    this.request = request;
    this.status = status;
  }
}

/**
 * A paginated list that does not end: the server handed back a cursor it had
 * already given (which would fetch the same pages forever), or kept handing out
 * new cursors with empty pages. Thrown by `PagedList` instead of looping
 * or ending the list silently with items missing.
 */
export class PaginationError extends InvalidResponseError {
  override name = "PaginationError";
  /** The cursor the list stopped at, as the server gave it. */
  readonly cursor: unknown;

  constructor(request: RequestDescription, problem: string, cursor: unknown) {
    super(request, 200, problem);
    this.cursor = cursor;
  }
}

/**
 * The server's answer was larger than the client allows
 * (`maxResponseBytes`, default 64 MiB); reading stopped there.
 */
export class ResponseTooLargeError extends InvalidResponseError {
  override name = "ResponseTooLargeError";
  /** The limit that was exceeded, in bytes. */
  readonly limitBytes: number;

  constructor(request: RequestDescription, status: number, limitBytes: number) {
    super(request, status, `the answer is larger than the limit of ${formatBytes(limitBytes)}`);
    this.limitBytes = limitBytes;
  }
}

/** The caller's AbortSignal fired before the request finished. */
export class AbortError extends SynadmError {
  override name = "AbortError";
  constructor(what = "request") {
    super(`${what} aborted`);
  }
}

/** A value given to the library (an ID, a time, a URL) has the wrong form. */
export class InvalidInputError extends SynadmError {
  override name = "InvalidInputError";
}

/**
 * An argument of a library method has the wrong form (a room alias where only
 * a room ID works, a user ID without its server...). Thrown before any request;
 * `parameter` names the argument, as the method's signature does.
 */
export class InvalidArgumentError extends InvalidInputError {
  override name = "InvalidArgumentError";
  /** The name of the argument, e.g. `userId`. */
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(`${parameter}: ${message}`);
    this.parameter = parameter;
  }
}

/** A long-running server job (room delete, history purge, redaction) ended in failure. */
export class JobFailedError extends SynadmError {
  override name = "JobFailedError";
  readonly status: unknown;
  constructor(message: string, status: unknown) {
    super(message);
    this.status = status;
  }
}

/**
 * Builds the right {@link ApiError} subclass for an HTTP error status.
 * `retryAfterMs` only matters for rate limits; `headers` are the response's.
 */
export function apiErrorFor(
  status: number,
  body: unknown,
  request: RequestDescription,
  retryAfterMs?: number,
  headers: Readonly<Record<string, string | undefined>> = {},
): ApiError {
  if (status === 429 || readMatrixError(body).errcode === "M_LIMIT_EXCEEDED") {
    return new RateLimitError(status, body, request, retryAfterMs, undefined, headers);
  }
  const Class =
    status === 400
      ? BadRequestError
      : status === 401
        ? UnauthorizedError
        : status === 403
          ? ForbiddenError
          : status === 404
            ? NotFoundError
            : status >= 500
              ? ServerError
              : ApiError;
  const location = status >= 300 && status < 400 ? headers["location"] : undefined;
  return new Class(status, body, request, location, headers);
}

/** Reads `errcode` and `error` from a Matrix error body, tolerating anything else. */
export function readMatrixError(body: unknown): { errcode: string | undefined; error: string | undefined } {
  if (typeof body !== "object" || body === null) return { errcode: undefined, error: undefined };
  const { errcode, error } = body as Record<string, unknown>;
  return {
    errcode: typeof errcode === "string" ? errcode : undefined,
    error: typeof error === "string" ? error : undefined,
  };
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
