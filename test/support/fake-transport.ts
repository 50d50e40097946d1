import type { HttpRequest, HttpResponse, Transport } from "../../src/api/transport.ts";
import { TransportFailure } from "../../src/api/transport.ts";

/** One scripted answer: a response, or a transport failure. */
export type Scripted = (Partial<HttpResponse> & { json?: unknown }) | TransportFailure;

/** A transport that answers from a script and records every request. */
export class FakeTransport implements Transport {
  readonly requests: HttpRequest[] = [];
  readonly #script: Scripted[];
  #otherwise: Scripted | undefined;

  constructor(...script: Scripted[]) {
    this.#script = script;
  }

  /**
   * Answers every request after the script with `answer`. Without it a request
   * past the script fails the test: most tests know exactly what they send,
   * and a fuzz test does not.
   */
  otherwise(answer: Scripted): this {
    this.#otherwise = answer;
    return this;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    const next = this.#script.shift() ?? this.#otherwise;
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
