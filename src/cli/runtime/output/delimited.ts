// CSV and TSV lines for the record formats. A cell holds a value as a
// program reading the file expects it: text as is, numbers and booleans as
// JSON writes them, null as nothing, objects and lists as compact JSON.
//
// By default a cell is also safe to open: characters that would control a
// terminal are written as visible escapes (see terminal-text.ts), and text
// that a spreadsheet would run as a formula starts with a `'` (see
// formula-cells.ts). Numbers are left as they are: -5 is a number, not a
// formula. `raw` writes every value exactly, for programs.
import { csvField } from "../csv.ts";
import { neutraliseFormula } from "./formula-cells.ts";
import { escapeTerminalText } from "./terminal-text.ts";

/** How cells are written: `raw` exactly as the values are, otherwise safe for terminals and spreadsheets. */
export interface CellOptions {
  readonly raw?: boolean | undefined;
}

/** The text of one cell, before any quoting or escaping. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

/** One CSV cell: RFC 4180 quoting; unless raw, line feeds are the only control characters left (inside quotes). */
export function csvCell(value: unknown, options: CellOptions = {}): string {
  const text = cellText(value);
  if (options.raw) return csvField(text);
  const visible = escapeTerminalText(text, { keepLineBreaks: true });
  return csvField(typeof value === "string" ? neutraliseFormula(visible) : visible);
}

/** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled), without its line break. */
export function csvRow(values: readonly unknown[], options: CellOptions = {}): string {
  return values.map((value) => csvCell(value, options)).join(",");
}

const TSV_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One TSV field: backslash, tab, line feed and carriage return written as `\\`, `\t`, `\n`, `\r`. */
export function tsvField(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (char) => TSV_ESCAPES[char]!);
}

/** One TSV cell: {@link tsvField}, and unless raw the other control characters as `\x1b`, `\u202e`. */
export function tsvCell(value: unknown, options: CellOptions = {}): string {
  const field = tsvField(cellText(value));
  if (options.raw) return field;
  const visible = escapeTerminalText(field);
  return typeof value === "string" ? neutraliseFormula(visible) : visible;
}

/** One TSV line (fields escaped, never quoted), without its line break. */
export function tsvRow(values: readonly unknown[], options: CellOptions = {}): string {
  return values.map((value) => tsvCell(value, options)).join("\t");
}
