import { nodeBuiltins } from "./builtins.ts";
import { FetchTransport } from "./fetch-transport.ts";
import { NodeHttpTransport, type NodeHttpTransportOptions } from "./node-transport.ts";
import type { Transport } from "./transport.ts";

// The browser build (the package's `browser` condition) replaces this module
// with default-transport.browser.ts, so browser bundles carry neither
// NodeHttpTransport nor a user-agent header.

/**
 * The transport a client uses when given none: {@link NodeHttpTransport}
 * where Node's modules are (Node, Bun, Deno), else {@link FetchTransport}.
 */
export function defaultTransport(options: NodeHttpTransportOptions): Transport {
  return nodeBuiltins() ? new NodeHttpTransport(options) : new FetchTransport();
}

/** The `user-agent` sent when the caller names none: none outside Node, Bun and Deno, where a page may not set one. */
export function defaultUserAgent(): string | undefined {
  return nodeBuiltins() ? "synadm" : undefined;
}
