import { displayWidth, truncateToWidth } from "./width.ts";

/** How the cells of a table column line up. */
export type Alignment = "left" | "right";

/** How a table is fitted to a terminal; the default is tabulate's output, untouched. */
export interface TableLayout {
  /** Columns available: the widest columns are cut (with an ellipsis) until each line fits. */
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

/**
 * The widths of a table's columns on `available` terminal columns. What gives
 * way, in turn: the padding beside headers, then header text (down to what
 * the cells need), then the cells of the widest columns.
 */
function fitColumns(
  natural: readonly number[],
  headers: readonly number[],
  cells: readonly number[],
  available: number,
): number[] {
  const unpadded = natural.map((_, index) => Math.max(headers[index]!, cells[index]!));
  const headersCut = unpadded.map((width, index) =>
    Math.max(cells[index]!, Math.min(width, MIN_FITTED_WIDTH)),
  );
  const levels = [natural, unpadded, headersCut];
  const sum = (widths: readonly number[]): number => widths.reduce((total, width) => total + width, 0);
  for (let level = 1; level < levels.length; level++)
    if (sum(levels[level]!) <= available) return fitWidths(levels[level - 1]!, available, levels[level]!);
  return fitWidths(headersCut, available);
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
  let columnCount = headers.length;
  for (const row of rows) columnCount = Math.max(columnCount, row.length);
  const columns = Array.from({ length: columnCount }, (_, index) => index);
  const cells = rows.map((row) => columns.map((index) => linesOf(row[index])));
  const headerCells = columns.map((index) => linesOf(headers[index]));
  const cellWidths = columns.map((index) => {
    let width = 0;
    for (const row of cells) for (const line of row[index]!) width = Math.max(width, displayWidth(line));
    return width;
  });
  const headerWidths = columns.map((index) =>
    headers.length > 0 ? Math.max(...headerCells[index]!.map(displayWidth)) : 0,
  );
  const natural = columns.map((index) =>
    Math.max(headers.length > 0 ? headerWidths[index]! + HEADER_PADDING : 0, cellWidths[index]!),
  );
  const fitted = layout.maxWidth !== undefined && columnCount > 0;
  const widths = fitted
    ? fitColumns(natural, headerWidths, cellWidths, layout.maxWidth! - SEPARATOR.length * (columnCount - 1))
    : natural;
  const cut = (text: string, width: number): string => (fitted ? truncateToWidth(text, width) : text);
  const output: string[] = [];
  const emit = (row: readonly string[][], style?: (line: string) => string): void => {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line++) {
      const padded = columns.map((index) =>
        pad(cut(row[index]![line] ?? "", widths[index]!), widths[index]!, align[index] ?? "left"),
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
  return output.join("\n");
}
