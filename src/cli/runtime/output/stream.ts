import { formatOutput, isRecordFormat, type OutputFormat } from "./format.ts";
import { type OutputTarget, warnOn } from "./terminal.ts";

/**
 * Prints `{ [key]: [...items], ...rest }` as one document while the items are
 * still arriving, so a list of 100,000 users never sits in memory whole.
 * JSON, minified JSON and YAML are written item by item with exactly the text
 * the whole document would have, and ndjson, csv and tsv one line per item
 * (the envelope, `rest`, is not part of a record format); `human` (a table of
 * the items) and `pprint` need every row first.
 *
 * `out` is the command's streams and environment (`context.io`).
 *
 * When the items stop with an error (a page the server refused, a limit
 * reached), the document is closed before the error goes on, so stdout holds
 * one whole document of what arrived (`-o json | jq` still parses it) and
 * the command fails with its error line and exit code.
 */
export async function printStreamedList(
  out: OutputTarget,
  format: OutputFormat,
  key: string,
  items: AsyncIterable<unknown>,
  rest: Record<string, unknown>,
  shown: { readonly epochTimes?: boolean } = {},
): Promise<void> {
  const { stdout } = out;
  if (isRecordFormat(format)) {
    const { createRecordWriter } = await import("./record-writer.ts");
    const writer = createRecordWriter(format, (line) => stdout.write(line), warnOn(out), {
      raw: out.rawCells,
    });
    try {
      for await (const item of items) writer.write(item);
    } finally {
      writer.end();
    }
    return;
  }
  if (format === "human" || format === "pprint") {
    const all: unknown[] = [];
    for await (const item of items) all.push(item);
    // A table shows the rows; pprint the whole document.
    if (format === "human") await (await import("./print.ts")).printHuman(out, all, shown.epochTimes);
    else stdout.write(`${await formatOutput({ [key]: all, ...rest }, format)}\n`);
    return;
  }
  const { formatJson, formatMinified } = await import("./json.ts");
  let count = 0;
  if (format === "yaml") {
    // PyYAML-style documents sort keys, so the list comes after keys sorting before it.
    const { formatYaml } = await import("./yaml.ts");
    const restText = formatYaml(rest);
    const [before, after] = splitSortedKeys(restText, key);
    stdout.write(before);
    try {
      for await (const item of items) {
        stdout.write(`${count === 0 ? `${key}:\n` : ""}${formatYaml([item])}`);
        count++;
      }
    } finally {
      if (count === 0) stdout.write(`${key}: []\n`);
      stdout.write(after);
    }
    return;
  }
  const pretty = format === "json";
  const open = pretty ? `{\n    ${JSON.stringify(key)}: [` : `{${JSON.stringify(key)}:[`;
  const tail = pretty ? formatJson(rest).slice(1) : formatMinified(rest).slice(1);
  const separator = tail.startsWith(pretty ? "\n}" : "}") ? "" : ",";
  stdout.write(open);
  try {
    for await (const item of items) {
      const text = pretty ? formatJson(item).replace(/^/gm, "        ") : formatMinified(item);
      stdout.write(`${count === 0 ? (pretty ? "\n" : "") : pretty ? ",\n" : ","}${text}`);
      count++;
    }
  } finally {
    stdout.write(`${count > 0 && pretty ? "\n    " : ""}]${separator}${tail}\n`);
  }
}

function splitSortedKeys(yamlText: string, key: string): [string, string] {
  if (yamlText.trim() === "{}") return ["", ""];
  const lines = yamlText.split(/(?<=\n)/);
  const index = lines.findIndex(
    (line) => /^[^\s-]/.test(line) && line.split(":")[0]!.replace(/^'|'$/g, "") > key,
  );
  return index < 0 ? [yamlText, ""] : [lines.slice(0, index).join(""), lines.slice(index).join("")];
}
