import { isRecordFormat, type OutputFormat } from "./format.ts";
import { type OutputTarget, warnOn } from "./terminal.ts";

/** What of a document is shown where (see output/result.ts). */
export interface Shown {
  /**
   * The document's list of records, which the record formats print one line
   * each; by default a document that is an array, else the document as one record.
   */
  readonly records?: readonly unknown[] | undefined;
  /** What `human` shows instead of the document: the rows of its list, or rows reworded for reading. */
  readonly human?: unknown;
  /** Epoch times stay numbers in `human` (`--timestamp`). */
  readonly epochTimes?: boolean | undefined;
}

/** Prints one command result on stdout in `format`: exactly one document. */
export async function printDocument(
  target: OutputTarget,
  format: OutputFormat,
  value: unknown,
  shown: Shown = {},
): Promise<void> {
  if (isRecordFormat(format)) {
    const { createRecordWriter } = await import("./record-writer.ts");
    const writer = createRecordWriter(format, (line) => target.stdout.write(line), warnOn(target), {
      raw: target.rawCells,
    });
    for (const record of shown.records ?? (Array.isArray(value) ? value : [value])) writer.write(record);
    writer.end();
    return;
  }
  if (format === "human") {
    await printHuman(target, shown.human ?? shown.records ?? value, shown.epochTimes);
    return;
  }
  const { formatOutput } = await import("./format.ts");
  target.stdout.write(`${await formatOutput(value, format)}\n`);
}

/**
 * Prints a `human` view: local dates for epoch times (unless `epochTimes`,
 * as `--timestamp` asks), the table fitted to the terminal.
 */
export async function printHuman(target: OutputTarget, view: unknown, epochTimes = false): Promise<void> {
  const [{ humanTimes }, { formatHumanFitted }, { tableLayout, noteLeftOut }] = await Promise.all([
    import("./times.ts"),
    import("./human.ts"),
    import("./terminal.ts"),
  ]);
  const { text, leftOut } = formatHumanFitted(epochTimes ? view : humanTimes(view), tableLayout(target));
  target.stdout.write(`${text}\n`);
  // After the table, so the note stays on screen beside the prompt.
  noteLeftOut(target, leftOut);
}
