import type { TableLayout } from "./table.ts";

import type { OutputFormat, RecordFormat } from "./types.ts";

export type { OutputFormat, RecordFormat } from "./types.ts";

/** Every output format, in the order the help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  "yaml",
  "json",
  "minified",
  "human",
  "pprint",
  "ndjson",
  "csv",
  "tsv",
];

// synadm's one-letter forms. The newer formats have none: "c" or "t" would be
// a guess, and a letter taken now could not go to a later format.
const ABBREVIATED: readonly OutputFormat[] = ["yaml", "json", "minified", "human", "pprint"];

/** The one-letter forms `-o` accepts, as synadm does. */
export const OUTPUT_FORMAT_LETTERS: readonly string[] = ABBREVIATED.map((format) => format[0]!);

/** Reads an output format given by its full name or (synadm's five) its first letter; undefined for anything else. */
export function parseOutputFormat(text: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((format) => text === format) ?? ABBREVIATED.find((format) => text === format[0]);
}

/** Whether a format prints one line per record (ndjson, csv, tsv). */
export function isRecordFormat(format: OutputFormat): format is RecordFormat {
  return format === "ndjson" || format === "csv" || format === "tsv";
}

/**
 * Formats a JSON value for printing, without a final newline. Each format's
 * code is loaded only when used, so that printing JSON never loads YAML.
 * In the record formats an array is a list of records and anything else one
 * record; `layout` fits `human` tables to a terminal.
 */
export async function formatOutput(
  value: unknown,
  format: OutputFormat,
  layout: TableLayout = {},
): Promise<string> {
  switch (format) {
    case "json":
      return (await import("./json.ts")).formatJson(value);
    case "minified":
      return (await import("./json.ts")).formatMinified(value);
    case "pprint":
      return (await import("./pprint.ts")).formatPprint(value);
    case "human":
      return (await import("./human.ts")).formatHuman(value, layout);
    case "yaml":
      return (await import("./yaml.ts")).formatYaml(value).replace(/\n$/, "");
    case "ndjson":
    case "csv":
    case "tsv":
      return (await import("./record-writer.ts")).formatRecords(value, format);
  }
}
