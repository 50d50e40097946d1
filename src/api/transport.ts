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
  /**
   * The most bytes of body to read; a longer answer (by its `content-length`
   * or as it arrives) fails with a `too-large` {@link TransportFailure} and is
   * not read further. No limit when absent.
   */
  readonly maxResponseBytes?: number;
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
  /** `too-large`: the answer exceeded {@link HttpRequest.maxResponseBytes}. */
  readonly kind: "connection" | "timeout" | "abort" | "too-large";
  /**
   * True when the request may have reached the server: any failure after a
   * connection was made, a timeout whose moment cannot be known. False only
   * when it certainly did not (the connection was refused, the name did not
   * resolve, TLS failed), so that only then a non-idempotent request is repeated.
   */
  readonly mayHaveArrived: boolean;
  /** The HTTP status, when the failure came after the response headers (`too-large`). */
  readonly status: number | undefined;

  constructor(kind: TransportFailure["kind"], mayHaveArrived: boolean, cause?: unknown, status?: number) {
    super(cause instanceof Error ? cause.message : kind, { cause });
    this.kind = kind;
    this.mayHaveArrived = mayHaveArrived;
    this.status = status;
  }
}
