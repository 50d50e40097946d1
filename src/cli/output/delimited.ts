// CSV and TSV lines for the record formats. A cell holds a value as a
// program reading the file expects it: text as is, numbers and booleans as
// JSON writes them, null as nothing, objects and lists as compact JSON.
import { csvField } from "../csv.ts";

/** The text of one cell, before any quoting or escaping. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

/** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled), without its line break. */
export function csvRow(values: readonly unknown[]): string {
  return values.map((value) => csvField(cellText(value))).join(",");
}

const TSV_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One TSV field: backslash, tab, line feed and carriage return written as `\\`, `\t`, `\n`, `\r`. */
export function tsvField(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (char) => TSV_ESCAPES[char]!);
}

/** One TSV line (fields escaped, never quoted), without its line break. */
export function tsvRow(values: readonly unknown[]): string {
  return values.map((value) => tsvField(cellText(value))).join("\t");
}
