import type { Agent, ClientRequest, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { requireBuiltins } from "./builtins.ts";
import { SynadmError } from "./errors.ts";
import { type HttpRequest, type HttpResponse, type Transport, TransportFailure } from "./transport.ts";

/** TLS and connection settings of {@link NodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /** Verify the server's certificate (default true). `false` accepts self-signed certificates. */
  readonly verifyTls?: boolean;
  /** The CA certificates to trust, in PEM, instead of Node's bundled ones: for a server signed by a private CA. */
  readonly ca?: string;
  /**
   * A PEM file of CA certificates to trust in addition to Node's bundled ones,
   * as `NODE_EXTRA_CA_CERTS` does, read on the first https request. Ignored when
   * `ca` is given, which replaces the bundled ones.
   */
  readonly extraCaFile?: string;
  /** Connections kept per host, which bounds parallel requests (default 16). */
  readonly maxSockets?: number;
  /**
   * Talk plain HTTP over this Unix socket (a Synapse listener with `path:`)
   * instead of the URL's host and port, which then only fill the Host header.
   * As a reverse proxy would, each request says it came from `::1` over https
   * (Synapse trusts X-Forwarded-* on Unix sockets and rate-limits by that address).
   */
  readonly socketPath?: string;
}

/**
 * The default transport, on `node:http`/`node:https`. Chosen over the global
 * `fetch` because loading fetch's implementation costs about 80 ms per process
 * on Node 20, which a CLI run in shell loops pays on every call.
 */
export class NodeHttpTransport implements Transport {
  readonly #options: NodeHttpTransportOptions;
  #agents: Partial<Record<"http:" | "https:", Promise<{ agent: Agent; request: RequestFn }>>> = {};

  constructor(options: NodeHttpTransportOptions = {}) {
    this.#options = options;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const protocol = request.url.protocol;
    if (protocol !== "http:" && protocol !== "https:") {
      throw new TransportFailure("connection", false, new Error(`unsupported URL scheme ${protocol}`));
    }
    if (protocol === "https:" && this.#options.socketPath !== undefined) {
      throw new TransportFailure("connection", false, new Error("a Unix socket carries plain http only"));
    }
    this.#agents[protocol] ??= this.#loadAgent(protocol);
    const { agent, request: makeRequest } = await this.#agents[protocol];
    return exchange(makeRequest, agent, request);
  }

  async #loadAgent(protocol: "http:" | "https:"): Promise<{ agent: Agent; request: RequestFn }> {
    const maxSockets = this.#options.maxSockets ?? 16;
    if (protocol === "http:") {
      const http = requireBuiltins("NodeHttpTransport")("node:http");
      const agent = new http.Agent({ keepAlive: true, maxSockets });
      const socketPath = this.#options.socketPath;
      if (socketPath === undefined) return { agent, request: http.request };
      const request: RequestFn = (url, options) =>
        http.request(url, {
          ...options,
          socketPath,
          headers: { "x-forwarded-for": "::1", "x-forwarded-proto": "https", ...options.headers },
        });
      return { agent, request };
    }
    const https = requireBuiltins("NodeHttpTransport")("node:https");
    const ca =
      this.#options.ca ?? (this.#options.extraCaFile && (await withBundledCas(this.#options.extraCaFile)));
    const agent = new https.Agent({
      keepAlive: true,
      maxSockets,
      rejectUnauthorized: this.#options.verifyTls ?? true,
      ...(ca ? { ca } : {}),
    });
    return { agent, request: https.request };
  }
}

async function withBundledCas(extraCaFile: string): Promise<string[]> {
  const builtins = requireBuiltins("extraCaFile");
  const { readFile } = builtins("node:fs/promises");
  const { rootCertificates } = builtins("node:tls");
  try {
    return [...rootCertificates, await readFile(extraCaFile, "utf8")];
  } catch (error) {
    // Not a TransportFailure: retrying cannot make the file readable.
    throw new SynadmError(
      `cannot read the extra CA certificates ${extraCaFile}: ${(error as Error).message}`,
    );
  }
}

type RequestFn = (
  url: URL,
  options: { method: string; headers: Record<string, string>; agent: Agent },
) => ClientRequest;

function exchange(makeRequest: RequestFn, agent: Agent, request: HttpRequest): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(new TransportFailure("abort", false, request.signal.reason));
      return;
    }
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    const limit = request.maxResponseBytes ?? Number.POSITIVE_INFINITY;

    // Once a connection is up (TLS included), the request may have reached the
    // server: Node writes it at once. Before that, it certainly did not.
    let connected = false;
    let failure: TransportFailure | undefined;
    const req = makeRequest(request.url, { method: request.method, headers, agent });
    const fail = (kind: TransportFailure["kind"], cause?: unknown, status?: number): void => {
      failure ??= new TransportFailure(kind, connected, cause, status);
      req.destroy(failure);
    };
    const timer = setTimeout(() => fail("timeout"), request.timeoutMs);
    const onAbort = (): void => fail("abort", request.signal?.reason);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanUp = (): void => {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    };

    req.on("socket", (socket: Socket) => {
      if (req.reusedSocket || (!socket.connecting && !("encrypted" in socket))) {
        connected = true;
        return;
      }
      socket.once("encrypted" in socket ? "secureConnect" : "connect", () => {
        connected = true;
      });
    });
    req.on("error", (error) => {
      cleanUp();
      reject(failure ?? new TransportFailure("connection", connected, error));
    });
    req.on("response", (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const tooLarge = (): void => fail("too-large", new Error(`answer larger than ${limit} bytes`), status);
      if (Number(res.headers["content-length"] ?? 0) > limit) {
        tooLarge();
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) tooLarge();
        else chunks.push(chunk);
      });
      res.on("error", (error) => {
        cleanUp();
        reject(failure ?? new TransportFailure("connection", true, error));
      });
      res.on("aborted", () =>
        fail("connection", new Error("connection closed before the response was complete")),
      );
      res.on("end", () => {
        cleanUp();
        if (!res.complete) {
          reject(failure ?? new TransportFailure("connection", true, new Error("response truncated")));
          return;
        }
        const responseHeaders: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          responseHeaders[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        resolve({ status, headers: responseHeaders, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.end(request.body);
  });
}
