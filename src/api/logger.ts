/** Where the library reports what it does. Every method is optional to call; none may throw. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** A logger that drops everything: the library is silent unless given one. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
};

const SECRET_KEY = /pass(word)?|token|secret|^mac$|nonce/i;

/**
 * A copy of a JSON value with every secret-looking field replaced, for logs:
 * `raw` and `matrix raw` bodies may carry `password`, `new_password` or tokens.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && item !== null && item !== "" ? "<redacted>" : redactSecrets(item);
  }
  return copy;
}
