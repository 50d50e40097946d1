import { type HttpRequest, type HttpResponse, type Transport, TransportFailure } from "./transport.ts";

/**
 * A transport over a WHATWG `fetch`, for runtimes without `node:http` or for
 * callers who bring their own (proxy-aware, instrumented) fetch.
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
        ...(request.body === undefined ? {} : { body: request.body }),
      });
    } catch (error) {
      throw classify(error, request, timeout, false);
    }
    try {
      const body = await response.text();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body };
    } catch (error) {
      throw classify(error, request, timeout, true);
    }
  }
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
