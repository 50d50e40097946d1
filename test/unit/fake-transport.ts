import type { HttpRequest, HttpResponse, Transport } from "../../src/api/transport.ts";
import { TransportFailure } from "../../src/api/transport.ts";

/** One scripted answer: a response, or a transport failure. */
export type Scripted = (Partial<HttpResponse> & { json?: unknown }) | TransportFailure;

/** A transport that answers from a script and records every request. */
export class FakeTransport implements Transport {
  readonly requests: HttpRequest[] = [];
  readonly #script: Scripted[];

  constructor(...script: Scripted[]) {
    this.#script = script;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    const next = this.#script.shift();
    if (next === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
    if (next instanceof TransportFailure) throw next;
    const body = next.json === undefined ? (next.body ?? "") : JSON.stringify(next.json);
    return {
      status: next.status ?? 200,
      headers: next.headers ?? { "content-type": "application/json" },
      body,
    };
  }
}
