// Replaces fetch-failure.ts in the browser build (see scripts/build.mjs).

/** Never known in a browser: its `fetch` fails with a bare `TypeError` that does not say whether anything was sent. */
export function neverConnected(_error: unknown): boolean {
  return false;
}
