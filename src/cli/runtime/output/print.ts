import { isRecordFormat, type OutputFormat } from "./format.ts";
import { type OutputTarget, warnOn } from "./terminal.ts";

/**
 * Prints one command result on stdout in `format`: exactly one document.
 * `humanView` is what `human` shows instead of the document (the rows of a
 * list rather than its envelope); it also marks the document as a list, whose
 * records the record formats print one line each (see `recordsOf`).
 */
export async function printDocument(
  target: OutputTarget,
  format: OutputFormat,
  value: unknown,
  humanView?: unknown,
  shown: { readonly records?: readonly unknown[] | undefined; readonly epochTimes?: boolean } = {},
): Promise<void> {
  if (isRecordFormat(format)) {
    const { createRecordWriter } = await import("./record-writer.ts");
    const records =
      shown.records ??
      (humanView === undefined && !Array.isArray(value)
        ? undefined
        : (await import("./records.ts")).recordsOf(value, humanView));
    const writer = createRecordWriter(format, (line) => target.stdout.write(line), warnOn(target), {
      raw: target.rawCells,
    });
    for (const record of records ?? [value]) writer.write(record);
    writer.end();
    return;
  }
  if (format === "human") {
    await printHuman(target, humanView === undefined ? value : humanView, shown.epochTimes);
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
