/**
 * Calls `handler` on Ctrl-C (SIGINT) and SIGTERM instead of letting them end
 * the process; the returned function restores the default.
 */
export function onInterrupt(handler: () => void): () => void {
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
