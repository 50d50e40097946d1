import { FetchTransport } from "./fetch-transport.ts";
import type { NodeHttpTransportOptions } from "./node-transport.ts";
import type { Transport } from "./transport.ts";

// Replaces default-transport.ts in the browser build (see scripts/build.mjs).

/** In a browser: {@link FetchTransport} over `globalThis.fetch`; the Node-only options do not apply. */
export function defaultTransport(_options: NodeHttpTransportOptions): Transport {
  return new FetchTransport();
}

/** None: a browser sets its own `user-agent`, and one set by the page can fail the CORS preflight. */
export function defaultUserAgent(): string | undefined {
  return undefined;
}
