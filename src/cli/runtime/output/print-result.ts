import type { OutputFormat } from "./format.ts";
import { printDocument } from "./print.ts";
import type { CommandResult, DocumentResult } from "./result.ts";
import { printStreamedList } from "./stream.ts";
import type { OutputTarget } from "./terminal.ts";
import { localTimesOf } from "./times.ts";

/**
 * Prints a command's result in `format`: exactly one document on stdout.
 * `datetime` is the command's `--datetime/--timestamp` switch, when it has
 * one: on, the records' times are local date and time in every format; off,
 * they stay epoch numbers even in `human`; not given, `human` shows local
 * times and the machine formats the server's numbers.
 */
export async function printResult(
  target: OutputTarget,
  format: OutputFormat,
  result: CommandResult,
  datetime: boolean | undefined,
): Promise<void> {
  const epochTimes = datetime === false;
  if (result.kind === "text") {
    if (typeof result.text === "string") target.stdout.write(result.text);
    else for await (const piece of result.text) target.stdout.write(piece);
    return;
  }
  if (result.kind === "stream") {
    const items = datetime === true ? localTimesInStream(result.items) : result.items;
    await printStreamedList(target, format, result.key, items, { ...result.envelope }, { epochTimes });
    return;
  }
  const { document, records, human } = datetime === true ? withLocalTimes(result) : shownOf(result);
  await printDocument(target, format, document, { records, human, epochTimes });
}

interface Shown {
  readonly document: unknown;
  readonly records: readonly unknown[] | undefined;
  readonly human: unknown;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shownOf(result: DocumentResult): Shown {
  const { document, list, human } = result;
  const listed = list !== undefined && isObject(document) ? document[list] : document;
  return { document, records: Array.isArray(listed) ? listed : undefined, human };
}

// --datetime: the records (or the one record the document is) with local times.
function withLocalTimes(result: DocumentResult): Shown {
  const convert = (records: readonly unknown[]) => localTimesOf(records, result.timeFields);
  const { document, list, human } = result;
  if (Array.isArray(document)) {
    const records = convert(document);
    return { document: records, records, human: Array.isArray(human) ? convert(human) : human };
  }
  if (list !== undefined && isObject(document) && Array.isArray(document[list])) {
    const records = convert(document[list] as unknown[]);
    return {
      document: { ...document, [list]: records },
      records,
      human: Array.isArray(human) ? convert(human) : human,
    };
  }
  return { document: convert([document])[0], records: undefined, human };
}

async function* localTimesInStream(items: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  for await (const item of items) yield localTimesOf([item])[0];
}
