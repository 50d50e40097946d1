import type { OutputStream } from "../io.ts";
import type { TableLayout } from "./table.ts";
import { escapeTerminalText } from "./terminal-text.ts";

/** Where a command's output goes: the data on stdout, warnings on stderr, and the environment that decides on colour. */
export interface OutputTarget {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** csv and tsv cells exactly as the values are (`--raw-cells`), not made safe for terminals and spreadsheets. */
  readonly rawCells?: boolean | undefined;
}

/** Writes a warning of the output code on stderr, as one line a terminal shows as it is. */
export function warnOn(target: OutputTarget): (message: string) => void {
  return (message) => target.stderr.write(`WARNING ${escapeTerminalText(message)}\n`);
}

/**
 * How `human` tables are laid out on this stdout: fitted to its width and
 * coloured only when it is a terminal, and never coloured when `NO_COLOR` is
 * set to anything (https://no-color.org) or the terminal is `dumb`. Piped
 * output is left whole, for grep and friends.
 */
export function tableLayout(target: OutputTarget): TableLayout {
  if (!target.stdout.isTTY) return {};
  const columns = (target.stdout as { readonly columns?: unknown }).columns;
  const noColor = Boolean(target.env["NO_COLOR"]) || target.env["TERM"] === "dumb";
  return {
    ...(typeof columns === "number" && columns > 0 ? { maxWidth: columns } : {}),
    color: !noColor,
  };
}

/**
 * The line that names the columns a `human` table left out to fit the
 * terminal (`formatHumanFitted`), and how to see them; column names are
 * server-controlled, so they are escaped. Empty when none was left out.
 */
export function leftOutNote(columns: readonly string[]): string {
  if (columns.length === 0) return "";
  const names = columns.map((name) => escapeTerminalText(name)).join(", ");
  return `Left out to fit the terminal: ${names} (see every column with -o json, a wider terminal, or by piping into less -S)`;
}

/** Writes {@link leftOutNote} on stderr, after the table, when columns were left out; stdout keeps the data alone. */
export function noteLeftOut(target: OutputTarget, columns: readonly string[]): void {
  if (columns.length > 0) target.stderr.write(`${leftOutNote(columns)}\n`);
}
