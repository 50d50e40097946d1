import type { HttpRequest, HttpResponse, Transport } from "../../src/api/transport.ts";
import { TransportFailure } from "../../src/api/transport.ts";

/** One scripted answer: a response, or a transport failure. */
export type Scripted = (Partial<HttpResponse> & { json?: unknown }) | TransportFailure;

const NOT_SERVED: Scripted = {
  status: 404,
  json: { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" },
};

/**
 * A transport that answers from a script and records every request. It plays
 * a server without MAS: the question whether the server delegates auth
 * (`.../auth_metadata`, asked before user lists) is answered 404 outside the
 * script and kept apart in `authMetadataRequests`, so that scripts written
 * before the question existed stay as they were; `scriptAuthMetadata()`
 * puts those requests in the script like any other.
 */
export class FakeTransport implements Transport {
  readonly requests: HttpRequest[] = [];
  /** The auth_metadata requests answered outside the script. */
  readonly authMetadataRequests: HttpRequest[] = [];
  readonly #script: Scripted[];
  #otherwise: Scripted | undefined;
  #scriptAuthMetadata = false;

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

  /** Answers the auth_metadata requests from the script too (tests of the detection of MAS). */
  scriptAuthMetadata(): this {
    this.#scriptAuthMetadata = true;
    return this;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const unscripted = !this.#scriptAuthMetadata && request.url.pathname.endsWith("/auth_metadata");
    if (unscripted) this.authMetadataRequests.push(request);
    else this.requests.push(request);
    const next = unscripted ? NOT_SERVED : (this.#script.shift() ?? this.#otherwise);
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
