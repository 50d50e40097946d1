// The "human" format of the Python tool (its humanize() over tabulate), with
// its shortcomings fixed: table columns come from every row rather than the
// first one, lists of non-strings print, and null prints as nothing.
//
// Every text from the data is escaped for the terminal (see terminal-text.ts).
// A line break inside a table cell stays one, as in tabulate: the cell spans
// lines within its own column (a topic, the power levels of a room). In a
// plain list, where each line is an item, and in headers and keys it is
// escaped, so that no value can pass for another line.
import { type Alignment, renderTable, type TableLayout } from "./table.ts";
import { escapeTerminalText } from "./terminal-text.ts";

export { renderTable, type TableLayout } from "./table.ts";

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function renderCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return escapeTerminalText(value, { keepLineBreaks: true });
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "object") return escapeTerminalText(JSON.stringify(value));
  return String(value);
}

// A key, a header or an item of a plain list: one line, whatever it holds.
function renderLine(value: unknown): string {
  return escapeTerminalText(renderCell(value));
}

// tabulate's "decimal" alignment: pad numbers on the right so that their
// decimal points line up, then right-align the column. tabulate counts the
// digits after the point, or after the "e" of an exponent.
function digitsAfterPoint(value: number, text: string): number {
  if (Number.isInteger(value)) return -1;
  const point = text.lastIndexOf(".");
  const position = point >= 0 ? point : text.toLowerCase().lastIndexOf("e");
  return position >= 0 ? text.length - position - 1 : -1;
}

interface Column {
  readonly cells: string[];
  readonly align: Alignment;
}

// A column holding only numbers (and blanks) is numeric for tabulate.
function renderColumn(values: readonly unknown[]): Column {
  const present = values.filter((value) => value !== null && value !== undefined);
  const cells = values.map(renderCell);
  if (present.length === 0 || !present.every((value) => typeof value === "number")) {
    return { cells, align: "left" };
  }
  const decimals = values.map((value, index) =>
    typeof value === "number" ? digitsAfterPoint(value, cells[index]!) : -1,
  );
  const most = Math.max(...decimals);
  return {
    cells: cells.map((cell, index) => (cell === "" ? cell : cell + " ".repeat(most - decimals[index]!))),
    align: "right",
  };
}

function transpose(columns: readonly Column[], rowCount: number): string[][] {
  return Array.from({ length: rowCount }, (_, row) => columns.map((column) => column.cells[row]!));
}

function renderObjects(items: readonly JsonObject[], layout: TableLayout): string {
  const keys = new Set<string>();
  for (const item of items) for (const key of Object.keys(item)) keys.add(key);
  const headers = [...keys].map(renderLine);
  const columns = [...keys].map((key) => renderColumn(items.map((item) => item[key])));
  return renderTable(
    headers,
    transpose(columns, items.length),
    columns.map((column) => column.align),
    layout,
  );
}

function renderPairs(value: JsonObject, layout: TableLayout): string {
  const entries = Object.entries(value);
  const keys: Column = { cells: entries.map(([key]) => renderLine(key)), align: "left" };
  const values = renderColumn(entries.map(([, item]) => item));
  return renderTable([], transpose([keys, values], entries.length), [keys.align, values.align], layout);
}

/**
 * Formats a JSON value for reading: a list of objects as a table with a
 * header row, an object as a two-column key/value table, any other list one
 * item per line, and a scalar as its text (null as nothing). Without a
 * `layout` the text is tabulate's; with one, tables fit a terminal.
 */
export function formatHuman(value: unknown, layout: TableLayout = {}): string {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isObject)) return renderObjects(value, layout);
    return value.map(renderLine).join("\n");
  }
  if (isObject(value)) return renderPairs(value, layout);
  return renderCell(value);
}
