// The record formats: ndjson, csv and tsv write one line per record, as soon
// as the record is there, so a streamed list never sits in memory whole.
import { type CellOptions, csvRow, tsvRow } from "./delimited.ts";
import type { RecordFormat } from "./types.ts";

/** Writes records one by one in a record format. */
export interface RecordWriter {
  /** Writes one record (its line, and before the first one a header row in csv and tsv). */
  write(record: unknown): void;
  /** Says what had to be left out, if anything; writes nothing to the output. */
  end(): void;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// JSON.stringify escapes C0 controls; these it leaves as they are, and a
// terminal showing the line would act on them or reorder it. Written as
// \uXXXX, the line still reads back as exactly the same value.
const RAW_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** One record as a line of JSON (no line break), every character that could act on a terminal escaped. */
export function ndjsonLine(record: unknown): string {
  return (JSON.stringify(record) ?? "null").replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// A record that is not an object (a room ID in a list of IDs) is a one-column row.
const SCALAR_COLUMN = "value";

/**
 * A writer of `format` that hands each finished line (with its line break) to
 * `out` and any warning to `warn`; `cells` says how csv and tsv cells are
 * written (see delimited.ts).
 *
 * csv and tsv take their columns from the first record, since a header
 * written before the second record arrives cannot grow: keys only later
 * records have are left out, and named in one warning at the end.
 */
export function createRecordWriter(
  format: RecordFormat,
  out: (line: string) => void,
  warn: (message: string) => void,
  cells: CellOptions = {},
): RecordWriter {
  if (format === "ndjson") {
    return { write: (record) => out(`${ndjsonLine(record)}\n`), end: () => {} };
  }
  const toRow = format === "csv" ? csvRow : tsvRow;
  const row = (values: readonly unknown[]): string => toRow(values, cells);
  let columns: string[] | undefined;
  let known = new Set<string>();
  const leftOut = new Set<string>();
  return {
    write(record) {
      const fields = isObject(record) ? record : { [SCALAR_COLUMN]: record };
      if (columns === undefined) {
        columns = Object.keys(fields);
        known = new Set(columns);
        out(`${row(columns)}\n`);
      }
      out(`${row(columns.map((column) => fields[column]))}\n`);
      for (const [key, value] of Object.entries(fields))
        if (value !== undefined && !known.has(key)) leftOut.add(key);
    },
    end() {
      if (leftOut.size === 0) return;
      warn(
        `${format} columns come from the first record; left out what only later records have: ${[...leftOut].join(", ")}`,
      );
    },
  };
}

/**
 * The whole text of `value` in a record format, without a final newline: an
 * array is a list of records, anything else one record (in csv and tsv a
 * header row and one row). An empty list is no text at all.
 */
export function formatRecords(
  value: unknown,
  format: RecordFormat,
  warn: (message: string) => void = () => {},
  cells: CellOptions = {},
): string {
  const lines: string[] = [];
  const writer = createRecordWriter(format, (line) => lines.push(line), warn, cells);
  for (const record of Array.isArray(value) ? value : [value]) writer.write(record);
  writer.end();
  return lines.join("").replace(/\n$/, "");
}
