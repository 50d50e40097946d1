// An emulation of Python's pprint.pformat(value) (width 80, indent 1,
// sort_dicts=True) for JSON values, following the structure of CPython's
// PrettyPrinter so that line breaks fall where Python puts them.
import { compareCodePoints } from "./code-point-order.ts";
import { reprNumber, reprString } from "./python-repr.ts";

const WIDTH = 80;

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Python measures lengths in code points, not UTF-16 code units.
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function sortedEntries(value: JsonObject): [string, unknown][] {
  return Object.entries(value).sort(([a], [b]) => compareCodePoints(a, b));
}

function repr(value: unknown): string {
  if (typeof value === "string") return reprString(value);
  if (typeof value === "number") return reprNumber(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null || value === undefined) return "None";
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  if (isObject(value)) {
    return `{${sortedEntries(value)
      .map(([key, item]) => `${reprString(key)}: ${repr(item)}`)
      .join(", ")}}`;
  }
  return reprString(String(value));
}

/** Formats a JSON value as Python's `pprint.pformat(value)` does. */
export function formatPprint(value: unknown): string {
  const out: string[] = [];
  format(value, out, 0, 0, true);
  return out.join("");
}

// `allowance` is the room needed by the closing brackets and commas that will
// follow the value on its last line.
function format(value: unknown, out: string[], indent: number, allowance: number, root: boolean): void {
  const rep = repr(value);
  const fits = length(rep) <= WIDTH - indent - allowance;
  if (!fits && Array.isArray(value)) formatList(value, out, indent, allowance);
  else if (!fits && isObject(value)) formatDict(value, out, indent, allowance);
  else if (!fits && typeof value === "string" && value !== "")
    formatString(value, out, indent, allowance, root);
  else out.push(rep);
}

function formatDict(value: JsonObject, out: string[], indent: number, allowance: number): void {
  const entries = sortedEntries(value);
  const itemIndent = indent + 1;
  out.push("{");
  entries.forEach(([key, item], index) => {
    const last = index === entries.length - 1;
    const keyRep = reprString(key);
    out.push(keyRep, ": ");
    format(item, out, itemIndent + length(keyRep) + 2, last ? allowance + 1 : 1, false);
    if (!last) out.push(",\n", " ".repeat(itemIndent));
  });
  out.push("}");
}

function formatList(value: readonly unknown[], out: string[], indent: number, allowance: number): void {
  const itemIndent = indent + 1;
  out.push("[");
  value.forEach((item, index) => {
    const last = index === value.length - 1;
    format(item, out, itemIndent, last ? allowance + 1 : 1, false);
    if (!last) out.push(",\n", " ".repeat(itemIndent));
  });
  out.push("]");
}

// Python's str.splitlines(keepends=True) line boundaries.
const LINES = /[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])?/gu;
const WORDS = /\S*\s*/gu;

function matches(text: string, pattern: RegExp): string[] {
  return (text.match(pattern) ?? []).filter((part) => part !== "");
}

// Splits a long string into adjacent literals at line ends and between words;
// at the root Python wraps them in parentheses to keep the result an expression.
function formatString(value: string, out: string[], indent: number, allowance: number, root: boolean): void {
  const chunkIndent = root ? indent + 1 : indent;
  const finalAllowance = root ? allowance + 1 : allowance;
  const chunks: string[] = [];
  const lines = matches(value, LINES);
  lines.forEach((line, lineIndex) => {
    const lastLine = lineIndex === lines.length - 1;
    const rep = reprString(line);
    if (length(rep) <= WIDTH - chunkIndent - (lastLine ? finalAllowance : 0)) {
      chunks.push(rep);
      return;
    }
    const words = matches(line, WORDS);
    let current = "";
    words.forEach((word, wordIndex) => {
      const candidate = current + word;
      const lastWord = lastLine && wordIndex === words.length - 1;
      if (length(reprString(candidate)) > WIDTH - chunkIndent - (lastWord ? finalAllowance : 0)) {
        if (current !== "") chunks.push(reprString(current));
        current = word;
      } else {
        current = candidate;
      }
    });
    if (current !== "") chunks.push(reprString(current));
  });
  const joined = chunks.join(`\n${" ".repeat(chunkIndent)}`);
  out.push(root && chunks.length > 1 ? `(${joined})` : joined);
}
