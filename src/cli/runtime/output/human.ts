// The "human" format of the Python tool (its humanize() over tabulate), with
// its shortcomings fixed: table columns come from every row rather than the
// first one, lists of non-strings print, and null prints as nothing.
//
// Every text from the data is escaped for the terminal (see terminal-text.ts).
// A line break inside a table cell stays one, as in tabulate: the cell spans
// lines within its own column (a topic, the power levels of a room). In a
// plain list, where each line is an item, and in headers and keys it is
// escaped, so that no value can pass for another line.
import { type Alignment, fitTable, renderTable, type TableLayout } from "./table.ts";
import { escapeTerminalText } from "./terminal-text.ts";

export { renderTable, type TableLayout } from "./table.ts";

/** A `human` text, with the keys of the table columns left out to fit the terminal (in table order). */
export interface HumanText {
  readonly text: string;
  readonly leftOut: readonly string[];
}

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

// The key that names a record, when several of these are columns: an event
// report also names its room and user, a device its user, a room has a name.
const ID_KEYS = ["event_id", "media_id", "device_id", "token", "destination", "room_id", "user_id", "name"];

function idColumn(keys: readonly string[]): number {
  for (const key of ID_KEYS) {
    const index = keys.indexOf(key);
    if (index >= 0) return index;
  }
  return 0;
}

function saysNothing(value: unknown): boolean {
  if (value === null || value === undefined || value === "" || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

// Nested values, links and text of several lines take much room and read
// better in -o json or yaml than cut in a cell.
function isBulky(value: unknown): boolean {
  if (typeof value === "object" && value !== null) return true;
  return typeof value === "string" && (/^(mxc|https?):\/\//i.test(value) || value.includes("\n"));
}

// How much a column tells, least first: nothing in any row (null, empty,
// False), the same in every row, bulky values, the rest. Synapse puts a
// record's main fields first, so within each kind the rightmost goes first.
function usefulness(values: readonly unknown[], cells: readonly string[]): number {
  if (values.every(saysNothing)) return 0;
  if (cells.length > 1 && cells.every((cell) => cell === cells[0])) return 1;
  if (values.some(isBulky)) return 2;
  return 3;
}

function renderObjects(items: readonly JsonObject[], layout: TableLayout, leaveOut: boolean): HumanText {
  const keySet = new Set<string>();
  for (const item of items) for (const key of Object.keys(item)) keySet.add(key);
  const keys = [...keySet];
  const headers = keys.map(renderLine);
  const values = keys.map((key) => items.map((item) => item[key]));
  const columns = values.map(renderColumn);
  const id = idColumn(keys);
  const rank = values.map((column, index) => usefulness(column, columns[index]!.cells));
  const leftOutFirst = leaveOut
    ? keys
        .map((_, index) => index)
        .filter((index) => index !== id)
        .sort((a, b) => rank[a]! - rank[b]! || b - a)
    : [];
  const table = fitTable(
    headers,
    transpose(columns, items.length),
    columns.map((column) => column.align),
    layout,
    { id, leftOutFirst },
  );
  return { text: table.text, leftOut: table.leftOut.map((index) => keys[index]!) };
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
 * `layout` the text is tabulate's; with one, tables fit a terminal by cutting
 * cells (never those of the first column, or of the column holding the
 * record's ID). No column is left out: see {@link formatHumanFitted}.
 */
export function formatHuman(value: unknown, layout: TableLayout = {}): string {
  return render(value, layout, false).text;
}

/**
 * Formats a JSON value as {@link formatHuman} does, except that a table of
 * records too wide for `layout.maxWidth` first leaves out its least useful
 * columns (those empty or False in every row, then those the same in every
 * row, then nested values, links and multi-line text, then the others from
 * the right) and only then cuts cells. The record's ID column (`name`,
 * `room_id`, `event_id`, ..., or else the first) is never left out nor cut.
 * The caller names what was left out on stderr (`noteLeftOut`).
 */
export function formatHumanFitted(value: unknown, layout: TableLayout = {}): HumanText {
  return render(value, layout, true);
}

function render(value: unknown, layout: TableLayout, leaveOut: boolean): HumanText {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isObject)) return renderObjects(value, layout, leaveOut);
    return { text: value.map(renderLine).join("\n"), leftOut: [] };
  }
  if (isObject(value)) return { text: renderPairs(value, layout), leftOut: [] };
  return { text: renderCell(value), leftOut: [] };
}
