// The output formats, apart from their code, so the writers can name them without importing it.

/** An output format of the CLI: the Python tool's five, then the record formats. */
export type OutputFormat = "yaml" | "json" | "minified" | "human" | "pprint" | RecordFormat;

/** A format that prints a list as one line per item, meant for other programs. */
export type RecordFormat = "ndjson" | "csv" | "tsv";
