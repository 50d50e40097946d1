/**
 * The seam between the client and the network. The client composes URLs,
 * headers and bodies and interprets answers; a transport only moves bytes, so
 * tests replace it with a fake and other runtimes with `fetch`.
 */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** One HTTP exchange as the client asks for it. */
export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Time allowed for the whole exchange, headers and body. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** What came back. The body is always read to the end and decoded as UTF-8. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/**
 * Why a transport could not deliver a response. Transports throw only this;
 * the client turns it into the public error classes.
 */
export class TransportFailure extends Error {
  override name = "TransportFailure";
  readonly kind: "connection" | "timeout" | "abort";
  /** True when the request may have reached the server (sent, then the connection broke). */
  readonly mayHaveArrived: boolean;

  constructor(kind: TransportFailure["kind"], mayHaveArrived: boolean, cause?: unknown) {
    super(cause instanceof Error ? cause.message : kind, { cause });
    this.kind = kind;
    this.mayHaveArrived = mayHaveArrived;
  }
}
