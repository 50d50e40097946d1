import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach } from "node:test";
import { homeWithConfig } from "./cli.ts";
import { configYaml, testServer } from "./server.ts";

/** The faults the proxy can inject instead of (or into) the server's answer. */
export type Fault =
  | "429-retry-after-ms"
  | "429-retry-after-header"
  | "429-retry-after-hour"
  | "500"
  | "502"
  | "503"
  | "504"
  | "reset-after-forwarding"
  | "stall"
  | "truncated"
  | "invalid-json"
  | "html-page"
  | "redirect"
  // A worker (or main) that has no servlet for the path, as Synapse answers it.
  | "unrecognized"
  // The background updates status with one update that never progresses.
  | "background-update-stuck";

interface Injection {
  readonly fault: Fault | "answer";
  /** For `answer`: the JSON the proxy answers with instead of the server. */
  readonly answer?: { readonly status: number; readonly body: unknown };
  remaining: number;
  readonly matches: (method: string, path: string) => boolean;
}

/** A request the proxy saw, and whether it reached the real server. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly forwarded: boolean;
  readonly fault: Fault | "answer" | undefined;
}

/**
 * A loopback proxy in front of the test Synapse that answers with a fault for
 * the next N matching requests, then passes requests through again.
 */
export class FaultProxy {
  readonly seen: SeenRequest[] = [];
  /** Holds each answer back this long, for a run slow enough to be stopped part-way. */
  delayMs = 0;
  #server: Server | undefined;
  #injections: Injection[] = [];
  readonly #target: URL;

  constructor(target: string) {
    this.#target = new URL(target);
  }

  /** The base URL to give synadm. */
  get url(): string {
    const { port } = this.#server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      const injection = this.#injections.find((i) => i.remaining > 0 && i.matches(method, path));
      if (injection) injection.remaining--;
      const fault = injection?.fault;
      const forwarded = fault === undefined || fault === "reset-after-forwarding";
      this.seen.push({ method, path, forwarded, fault });
      if (!forwarded) {
        req.resume();
        req.on("end", () => {
          if (injection?.answer === undefined) answerWithFault(fault as Fault, res);
          else {
            res.writeHead(injection.answer.status, { "content-type": "application/json" });
            res.end(JSON.stringify(injection.answer.body));
          }
        });
        return;
      }
      const upstream = request(
        {
          host: "127.0.0.1",
          port: this.#target.port,
          method,
          path,
          headers: { ...req.headers, host: this.#target.host },
        },
        (answer) => {
          if (fault === "reset-after-forwarding") {
            // The server has acted; the client only sees the connection break.
            answer.resume();
            answer.on("end", () => res.socket?.destroy());
            return;
          }
          const pass = () => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          };
          if (this.delayMs > 0) setTimeout(pass, this.delayMs);
          else pass();
        },
      );
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /** Answers the next `times` requests matching `pathPart` (and `method`, if given) with `fault`. */
  inject(fault: Fault, options: { times?: number; pathPart?: string; method?: string } = {}): void {
    this.#injections.push({
      fault,
      remaining: options.times ?? 1,
      matches: (method, path) =>
        (options.method === undefined || options.method === method) &&
        (options.pathPart === undefined || path.includes(options.pathPart)),
    });
  }

  /** Answers the next `times` requests matching `pathPart` with this JSON (a server state to plant). */
  answer(pathPart: string, status: number, body: unknown, times = 1000): void {
    this.#injections.push({
      fault: "answer",
      answer: { status, body },
      remaining: times,
      matches: (_method, path) => path.includes(pathPart),
    });
  }

  /** Forgets injections and seen requests between tests. */
  reset(): void {
    this.#injections = [];
    this.seen.length = 0;
    this.delayMs = 0;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}

/** A fault proxy in front of the test server, and a home whose configuration (JSON output) goes through it. */
export interface ProxiedServer {
  readonly proxy: FaultProxy;
  readonly home: string;
}

/**
 * Starts a fault proxy before the tests of the calling suite (of the file,
 * called at the top level), stops it after them, and forgets its injections
 * and seen requests before each test, so no fault leaks into the next test.
 * Both fields can be read once the tests run.
 */
export function useFaultProxy(): ProxiedServer {
  let started: ProxiedServer | undefined;
  before(async () => {
    const proxy = await new FaultProxy(testServer().baseUrl).start();
    started = { proxy, home: homeWithConfig(configYaml({ format: "json", base_url: proxy.url })) };
  });
  after(async () => {
    await started?.proxy.stop();
  });
  beforeEach(() => started?.proxy.reset());
  const running = (): ProxiedServer => {
    if (!started) throw new Error("the fault proxy runs only while the suite's tests run");
    return started;
  };
  return {
    get proxy() {
      return running().proxy;
    },
    get home() {
      return running().home;
    },
  };
}

function answerWithFault(fault: Fault, res: import("node:http").ServerResponse): void {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const html = (status: number): void => {
    res.writeHead(status, { "content-type": "text/html" });
    res.end(`<html><body><h1>${status} Bad Gateway</h1><hr>nginx</body></html>`);
  };
  switch (fault) {
    case "429-retry-after-ms":
      json(429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests", retry_after_ms: 300 });
      return;
    case "429-retry-after-header":
      json(429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" }, { "retry-after": "1" });
      return;
    case "429-retry-after-hour":
      json(429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" }, { "retry-after": "3600" });
      return;
    case "500":
      json(500, { errcode: "M_UNKNOWN", error: "Internal server error" });
      return;
    case "502":
    case "503":
    case "504":
      html(Number(fault));
      return;
    case "stall":
      return; // never answers; the client's timeout must end it
    case "truncated":
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"server_version": "1.');
      res.socket?.destroy();
      return;
    case "invalid-json":
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
      return;
    case "html-page":
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Please log in to the corporate proxy</body></html>");
      return;
    case "unrecognized":
      json(404, { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" });
      return;
    case "background-update-stuck":
      json(200, {
        enabled: true,
        current_updates: {
          master: {
            name: "event_search_stuck_for_the_test",
            total_item_count: 50,
            total_duration_ms: 1234.5,
            average_items_per_ms: 0.04,
          },
        },
      });
      return;
    case "redirect":
      res.writeHead(302, { location: "https://elsewhere.example/_synapse/admin/v1/server_version" });
      res.end();
      return;
    default:
      res.destroy();
  }
}
