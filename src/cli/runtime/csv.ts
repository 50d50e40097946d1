/** One CSV field (RFC 4180): quoted only when it has to be. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, without its line break. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(",");
}

/** A row of a parsed CSV file with the line it started on. */
export interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks;
 * CRLF or LF). Blank lines are skipped. Throws on a quote left open.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = (): void => {
    if (fieldStarted || fields.length > 0) rows.push({ line: rowLine, fields: [...fields, field] });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (char === ",") {
      fields.push(field);
      field = "";
      fieldStarted = true;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error(`a quoted field opened on line ${rowLine} is never closed`);
  endRow();
  return rows;
}
