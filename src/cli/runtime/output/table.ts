import { displayWidth, truncateToWidth } from "./width.ts";

/** How the cells of a table column line up. */
export type Alignment = "left" | "right";

/** How a table is fitted to a terminal; the default is tabulate's output, untouched. */
export interface TableLayout {
  /**
   * Columns available: columns the caller lets go are left out, then the
   * widest columns are cut (with an ellipsis) until each line fits; the ID
   * column is neither (see {@link fitTable}).
   */
  readonly maxWidth?: number | undefined;
  /** Bold header row and dim rule, for a terminal. */
  readonly color?: boolean | undefined;
}

const SEPARATOR = "  ";
// tabulate leaves at least two columns of room beside each header.
const HEADER_PADDING = 2;
// Narrower than this a column says nothing; the line is left too long instead.
const MIN_FITTED_WIDTH = 4;

const bold = (text: string): string => `\u001b[1m${text}\u001b[22m`;
const dim = (text: string): string => `\u001b[2m${text}\u001b[22m`;

function pad(text: string, width: number, align: Alignment): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

function linesOf(cell: string | undefined): string[] {
  return (cell ?? "").split("\n");
}

/**
 * The widths that fit `available` columns in all: every column wider than a
 * common cap is cut to it (never below its floor), the cap being as large as
 * the room allows, the remainder going one column each to the cut ones,
 * leftmost first; so narrow columns stay whole and the widest give way. When
 * even the floors do not fit, the floors are the answer.
 */
export function fitWidths(
  widths: readonly number[],
  available: number,
  floors: readonly number[] = widths.map((width) => Math.min(width, MIN_FITTED_WIDTH)),
): number[] {
  const capped = (cap: number): number[] =>
    widths.map((width, index) => Math.max(floors[index]!, Math.min(width, cap)));
  const total = (cap: number): number => capped(cap).reduce((sum, width) => sum + width, 0);
  let high = Math.max(0, ...widths);
  if (total(high) <= available) return [...widths];
  let low = 0;
  if (total(low) > available) return capped(low);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (total(middle) <= available) low = middle;
    else high = middle - 1;
  }
  let spare = available - total(low);
  return capped(low).map((width, index) => {
    if (spare > 0 && width === low && widths[index]! > low) {
      spare--;
      return low + 1;
    }
    return width;
  });
}

const sum = (widths: readonly number[]): number => widths.reduce((total, width) => total + width, 0);

/**
 * The widths of a table's columns on `available` terminal columns. What gives
 * way, in turn: the padding beside headers, then header text (down to what
 * the cells need), then the cells of the widest columns, never those of the
 * `pinned` column.
 */
function fitColumns(
  natural: readonly number[],
  headers: readonly number[],
  cells: readonly number[],
  available: number,
  pinned: number,
): number[] {
  const unpadded = natural.map((_, index) => Math.max(headers[index]!, cells[index]!));
  const headersCut = unpadded.map((width, index) =>
    Math.max(cells[index]!, Math.min(width, MIN_FITTED_WIDTH)),
  );
  const levels = [natural, unpadded, headersCut];
  for (let level = 1; level < levels.length; level++)
    if (sum(levels[level]!) <= available) return fitWidths(levels[level - 1]!, available, levels[level]!);
  const floors = headersCut.map((width, index) =>
    index === pinned ? width : Math.min(width, MIN_FITTED_WIDTH),
  );
  return fitWidths(headersCut, available, floors);
}

/** Which columns of a table are its key and which may be left out to fit a terminal. */
export interface TableColumns {
  /** The record's ID: never left out, and its cells never cut. The first column unless said. */
  readonly id?: number | undefined;
  /**
   * The columns that may be left out when the table is too wide for
   * `maxWidth`, the least useful first. Unless given, none is: the table is
   * only narrowed.
   */
  readonly leftOutFirst?: readonly number[] | undefined;
}

/** A table as text, with the columns left out to fit the terminal (in table order). */
export interface FittedTable {
  readonly text: string;
  readonly leftOut: readonly number[];
}

/**
 * The columns shown on `maxWidth` terminal columns: droppable ones go, least
 * useful first, until every cell and header fits whole (the padding beside
 * headers may still give way); then those that went are taken back, most
 * useful first, wherever one fits again. One column stays beside the ID
 * even when it does not fit whole (an ID alone says less than an ID with a
 * cut name), as long as a few of its characters fit; the caller then cuts it.
 */
function chooseColumns(
  whole: readonly number[],
  minimal: readonly number[],
  maxWidth: number,
  id: number,
  leftOutFirst: readonly number[],
): number[] {
  const shown = new Set(whole.keys());
  const width = (columns: Iterable<number>): number => {
    const list = [...columns];
    return sum(list.map((index) => whole[index]!)) + SEPARATOR.length * Math.max(0, list.length - 1);
  };
  const droppable = [...new Set(leftOutFirst)].filter((index) => index !== id && shown.has(index));
  const dropped: number[] = [];
  for (const index of droppable) {
    if (width(shown) <= maxWidth || shown.size <= 2) break;
    shown.delete(index);
    dropped.push(index);
  }
  if (width(shown) <= maxWidth) {
    for (const index of dropped.reverse()) {
      if (width([...shown, index]) <= maxWidth) shown.add(index);
    }
  } else if (shown.size === 2) {
    const other = [...shown].find((index) => index !== id)!;
    const least = minimal[id]! + SEPARATOR.length + Math.min(whole[other]!, MIN_FITTED_WIDTH);
    if (droppable.includes(other) && least > maxWidth) shown.delete(other);
  }
  return [...shown].sort((a, b) => a - b);
}

/**
 * Renders rows of text cells as tabulate does: with headers, its "simple"
 * format (a header row, then a row of dashes as wide as each column); without
 * headers, its "plain" format. Columns are separated by two spaces, widths
 * follow the display width of the text, multi-line cells span several lines,
 * and no line ends with spaces. A `layout` fits the table to a terminal.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
  layout: TableLayout = {},
): string {
  return fitTable(headers, rows, align, layout).text;
}

/**
 * Renders a table as {@link renderTable} does, and on a terminal too narrow
 * for it (`layout.maxWidth`) first leaves out the `columns.leftOutFirst`, then
 * cuts the cells of the widest columns; the ID column is neither left out nor
 * cut, even where its line is then too long. Without `maxWidth` every column
 * is shown whole.
 */
export function fitTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
  layout: TableLayout = {},
  columns: TableColumns = {},
): FittedTable {
  let columnCount = headers.length;
  for (const row of rows) columnCount = Math.max(columnCount, row.length);
  const all = Array.from({ length: columnCount }, (_, index) => index);
  const cells = rows.map((row) => all.map((index) => linesOf(row[index])));
  const headerCells = all.map((index) => linesOf(headers[index]));
  const cellWidths = all.map((index) => {
    let width = 0;
    for (const row of cells) for (const line of row[index]!) width = Math.max(width, displayWidth(line));
    return width;
  });
  const headerWidths = all.map((index) =>
    headers.length > 0 ? Math.max(...headerCells[index]!.map(displayWidth)) : 0,
  );
  const natural = all.map((index) =>
    Math.max(headers.length > 0 ? headerWidths[index]! + HEADER_PADDING : 0, cellWidths[index]!),
  );
  const fitted = layout.maxWidth !== undefined && columnCount > 0;
  let shown = all;
  let widths = natural;
  if (fitted) {
    const maxWidth = layout.maxWidth!;
    const id = columns.id !== undefined && columns.id < columnCount ? columns.id : 0;
    const whole = all.map((index) => Math.max(headerWidths[index]!, cellWidths[index]!));
    const minimal = all.map((index) =>
      Math.max(cellWidths[index]!, Math.min(whole[index]!, MIN_FITTED_WIDTH)),
    );
    shown = chooseColumns(whole, minimal, maxWidth, id, columns.leftOutFirst ?? []);
    const pick = (list: readonly number[]): number[] => shown.map((index) => list[index]!);
    widths = fitColumns(
      pick(natural),
      pick(headerWidths),
      pick(cellWidths),
      maxWidth - SEPARATOR.length * (shown.length - 1),
      shown.indexOf(id),
    );
  }
  const cut = (text: string, width: number): string => (fitted ? truncateToWidth(text, width) : text);
  const output: string[] = [];
  const emit = (row: readonly string[][], style?: (line: string) => string): void => {
    const height = Math.max(...shown.map((index) => row[index]!.length));
    for (let line = 0; line < height; line++) {
      const padded = shown.map((index, position) =>
        pad(cut(row[index]![line] ?? "", widths[position]!), widths[position]!, align[index] ?? "left"),
      );
      const text = padded.join(SEPARATOR).trimEnd();
      output.push(style && text !== "" ? style(text) : text);
    }
  };
  if (headers.length > 0) {
    emit(headerCells, layout.color ? bold : undefined);
    const rule = widths.map((width) => "-".repeat(width)).join(SEPARATOR);
    output.push(layout.color ? dim(rule) : rule);
  }
  for (const row of cells) emit(row);
  const visible = new Set(shown);
  return { text: output.join("\n"), leftOut: all.filter((index) => !visible.has(index)) };
}
