// The record formats: ndjson, csv and tsv write one line per record, as soon
// as the record is there, so a streamed list never sits in memory whole.
import { csvRow, tsvRow } from "./delimited.ts";
import type { RecordFormat } from "./format.ts";

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

// A record that is not an object (a room ID in a list of IDs) is a one-column row.
const SCALAR_COLUMN = "value";

/**
 * A writer of `format` that hands each finished line (with its line break) to
 * `out` and any warning to `warn`.
 *
 * csv and tsv take their columns from the first record, since a header
 * written before the second record arrives cannot grow: keys only later
 * records have are left out, and named in one warning at the end.
 */
export function createRecordWriter(
  format: RecordFormat,
  out: (line: string) => void,
  warn: (message: string) => void,
): RecordWriter {
  if (format === "ndjson") {
    return { write: (record) => out(`${JSON.stringify(record) ?? "null"}\n`), end: () => {} };
  }
  const row = format === "csv" ? csvRow : tsvRow;
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
): string {
  const lines: string[] = [];
  const writer = createRecordWriter(format, (line) => lines.push(line), warn);
  for (const record of Array.isArray(value) ? value : [value]) writer.write(record);
  writer.end();
  return lines.join("").replace(/\n$/, "");
}
