import { displayWidth } from "./width.ts";

/** How the cells of a table column line up. */
export type Alignment = "left" | "right";

const SEPARATOR = "  ";
// tabulate leaves at least two columns of room beside each header.
const HEADER_PADDING = 2;

function pad(text: string, width: number, align: Alignment): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

function linesOf(cell: string | undefined): string[] {
  return (cell ?? "").split("\n");
}

/**
 * Renders rows of text cells as tabulate does: with headers, its "simple"
 * format (a header row, then a row of dashes as wide as each column); without
 * headers, its "plain" format. Columns are separated by two spaces, widths
 * follow the display width of the text, multi-line cells span several lines,
 * and no line ends with spaces.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
): string {
  let columnCount = headers.length;
  for (const row of rows) columnCount = Math.max(columnCount, row.length);
  const columns = Array.from({ length: columnCount }, (_, index) => index);
  const cells = rows.map((row) => columns.map((index) => linesOf(row[index])));
  const headerCells = columns.map((index) => linesOf(headers[index]));
  const widths = columns.map((index) => {
    let width = headers.length > 0 ? Math.max(...headerCells[index]!.map(displayWidth)) + HEADER_PADDING : 0;
    for (const row of cells) for (const line of row[index]!) width = Math.max(width, displayWidth(line));
    return width;
  });
  const output: string[] = [];
  const emit = (row: readonly string[][]): void => {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line++) {
      const padded = columns.map((index) =>
        pad(row[index]![line] ?? "", widths[index]!, align[index] ?? "left"),
      );
      output.push(padded.join(SEPARATOR).trimEnd());
    }
  };
  if (headers.length > 0) {
    emit(headerCells);
    output.push(widths.map((width) => "-".repeat(width)).join(SEPARATOR));
  }
  for (const row of cells) emit(row);
  return output.join("\n");
}
