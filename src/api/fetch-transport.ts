import { neverConnected } from "./fetch-failure.ts";
import { type HttpRequest, type HttpResponse, type Transport, TransportFailure } from "./transport.ts";

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

  /** `fetchImpl` defaults to the global `fetch`, looked up on each request (so a later polyfill or mock is used). */
  constructor(fetchImpl?: typeof globalThis.fetch) {
    // Called as a plain function, never as a method of this transport: a browser's fetch
    // called with another `this` than the window throws "Illegal invocation".
    this.#fetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      const fetchImpl = this.#fetch;
      response = await fetchImpl(request.url, {
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
  // Buffer is Node's; TextDecoder is everywhere.
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
}

/** Whether a failed `fetch` call may have delivered the request: unless its cause says no connection was made. */
function mayHaveArrived(error: unknown, timeout: AbortSignal): boolean {
  // Our timeout fired: when in the exchange cannot be known.
  return timeout.aborted || !neverConnected(error);
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
