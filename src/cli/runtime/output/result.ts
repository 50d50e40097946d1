// What a command hands back: its document, or its list as a stream of items
// with the server's envelope. The runtime prints it in the chosen format,
// applies --datetime/--timestamp, and streams --all (see print-result.ts); a
// command never prints its result itself.

/** A whole document, as the server (or the command) gave it. */
export interface DocumentResult {
  readonly kind: "document";
  readonly document: unknown;
  /**
   * The key of the document's list of records, which the record formats
   * (ndjson, csv, tsv) print one line each and `human` shows as a table; a
   * document that is an array is its own list.
   */
  readonly list?: string;
  /** What `human` shows instead of the list (rows reworded or re-sorted for reading). */
  readonly human?: unknown;
  /**
   * The epoch-ms fields of the records that `--datetime` shows as local date
   * and time in every format, as synadm does for the commands it gives the
   * switch; other commands' `--datetime` converts every time field.
   */
  readonly timeFields?: readonly string[];
  /** Printed, the document is followed by this failure (a job that ended with failures): the command fails. */
  readonly failure?: Error;
  /** The exit code once printed, when the result itself tells it (`doctor`'s worst finding). */
  readonly exitCode?: number;
}

/** A list printed while its items still arrive: `{ [key]: [...items], ...envelope }`. */
export interface StreamResult {
  readonly kind: "stream";
  readonly key: string;
  readonly items: AsyncIterable<unknown>;
  readonly envelope: Readonly<Record<string, unknown>>;
}

/**
 * Text that is not a document (a shell script, CSV for `user import`, lines
 * of IDs for a pipe): written as it is, whatever the output format, piece by
 * piece as the pieces arrive.
 */
export interface TextResult {
  readonly kind: "text";
  readonly text: string | AsyncIterable<string>;
  /** As {@link DocumentResult.failure}. */
  readonly failure?: Error;
  /** As {@link DocumentResult.exitCode}. */
  readonly exitCode?: number;
}

/** A command's result; `undefined` when it has nothing to print. */
export type CommandResult = DocumentResult | StreamResult | TextResult;

/** A document to print as it is (a single record, or a list that is the document itself). */
export function document(
  value: unknown,
  extra: Omit<DocumentResult, "kind" | "document"> = {},
): DocumentResult {
  return { kind: "document", document: value, ...extra };
}

/** A document holding a list of records under `key` (`users` of `{users, total}`). */
export function listIn(
  value: unknown,
  key: string,
  extra: Omit<DocumentResult, "kind" | "document" | "list"> = {},
): DocumentResult {
  return { kind: "document", document: value, list: key, ...extra };
}

/** A list to stream: `items` under `key`, with the first page's `envelope` (`total`, `offset`) around it. */
export function streamOf(
  key: string,
  items: AsyncIterable<unknown>,
  envelope: Readonly<Record<string, unknown>>,
): StreamResult {
  return { kind: "stream", key, items, envelope };
}

/** Text to write as it is (see {@link TextResult}). */
export function textOf(text: string | AsyncIterable<string>): TextResult {
  return { kind: "text", text };
}
