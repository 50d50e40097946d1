// Python's json.dumps as the Python tool called it. A serializer of our own
// rather than JSON.stringify, so that floats are written as Python writes
// them (1e-05, not 0.00001).
import { reprNumber } from "./python-repr.ts";

// ensure_ascii: every code unit outside printable ASCII becomes \uXXXX.
// JSON.stringify has already escaped control characters and lone surrogates.
const NON_ASCII = /[\u007f-\uffff]/g;

function quote(text: string): string {
  return JSON.stringify(text).replace(
    NON_ASCII,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function serialize(value: unknown, indent: string | undefined, prefix: string): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return Number.isFinite(value) ? reprNumber(value) : "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value !== "object" || value === null) return "null";
  const inner = indent === undefined ? "" : prefix + indent;
  const [open, separator, close] =
    indent === undefined ? ["", ",", ""] : [`\n${inner}`, `,\n${inner}`, `\n${prefix}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${open}${value.map((item) => serialize(item, indent, inner)).join(separator)}${close}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  const colon = indent === undefined ? ":" : ": ";
  const members = entries.map(([key, item]) => quote(key) + colon + serialize(item, indent, inner));
  return `{${open}${members.join(separator)}${close}}`;
}

/** Formats a JSON value as Python's `json.dumps(value, indent=4)` does. */
export function formatJson(value: unknown): string {
  return serialize(value, "    ", "");
}

/** Formats a JSON value as Python's `json.dumps(value, separators=(",", ":"))` does. */
export function formatMinified(value: unknown): string {
  return serialize(value, undefined, "");
}
