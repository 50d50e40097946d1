import { type HttpRequest, type HttpResponse, type Transport, TransportFailure } from "./transport.ts";

/**
 * System error codes that say no connection was made, so the request cannot
 * have reached the server: refused, unresolvable, unreachable, or TLS refused
 * before any byte of the request was sent.
 */
const NOT_CONNECTED_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_INVALID_ARG",
]);
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/;

/**
 * A transport over a WHATWG `fetch`, for runtimes without `node:http` or for
 * callers who bring their own (proxy-aware, instrumented) fetch.
 *
 * `fetch` does not say whether a failed request was sent, so every failure
 * counts as one that may have reached the server, except those whose cause
 * says no connection was made (refused, name not found, TLS refused). A
 * timed-out POST is therefore never repeated. Redirects are not followed
 * (they would carry the token along); the 3xx answer is returned.
 */
export class FetchTransport implements Transport {
  readonly #fetch: typeof globalThis.fetch;

  constructor(fetchImpl: typeof globalThis.fetch = globalThis.fetch) {
    this.#fetch = fetchImpl;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.#fetch(request.url, {
        method: request.method,
        headers: request.headers,
        signal,
        redirect: "manual",
        ...(request.body === undefined ? {} : { body: request.body }),
      });
    } catch (error) {
      throw classify(error, request, timeout, mayHaveArrived(error, timeout));
    }
    const limit = request.maxResponseBytes ?? Number.POSITIVE_INFINITY;
    const tooLarge = (): TransportFailure =>
      new TransportFailure(
        "too-large",
        true,
        new Error(`answer larger than ${limit} bytes`),
        response.status,
      );
    if (Number(response.headers.get("content-length") ?? 0) > limit) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    try {
      const body = await readText(response, limit);
      if (body === undefined) throw tooLarge();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body };
    } catch (error) {
      if (error instanceof TransportFailure) throw error;
      throw classify(error, request, timeout, true);
    }
  }
}

/** The body as UTF-8 text, or `undefined` (reading stopped) once it grows past `limit` bytes. */
async function readText(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Whether a failed `fetch` call may have delivered the request: unless its cause says no connection was made. */
function mayHaveArrived(error: unknown, timeout: AbortSignal): boolean {
  // Our timeout fired: when in the exchange cannot be known.
  if (timeout.aborted) return true;
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && (NOT_CONNECTED_CODES.has(code) || TLS_CODE.test(code))) return false;
    if (cause instanceof AggregateError) {
      // Happy eyeballs: every address refused.
      const all = cause.errors.every((each) => !mayHaveArrived(each, timeout));
      if (all && cause.errors.length > 0) return false;
    }
  }
  return true;
}

function classify(
  error: unknown,
  request: HttpRequest,
  timeout: AbortSignal,
  arrived: boolean,
): TransportFailure {
  if (request.signal?.aborted) return new TransportFailure("abort", arrived, error);
  if (timeout.aborted) return new TransportFailure("timeout", arrived, error);
  return new TransportFailure("connection", arrived, error);
}
