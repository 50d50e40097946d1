// The browser build replaces this module with fetch-failure.browser.ts.

/**
 * System error codes that say no connection was made, so the request cannot
 * have reached the server: refused, unresolvable, unreachable, or TLS refused
 * before any byte of the request was sent.
 */
const NOT_CONNECTED_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_INVALID_ARG",
]);
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/;

/** Whether a failed `fetch` certainly sent nothing, as the system error codes in its causes (Node, Bun, Deno) tell. */
export function neverConnected(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && (NOT_CONNECTED_CODES.has(code) || TLS_CODE.test(code))) return true;
    if (cause instanceof AggregateError) {
      // Happy eyeballs: every address refused.
      if (cause.errors.length > 0 && cause.errors.every(neverConnected)) return true;
    }
  }
  return false;
}
