import { readFile } from "node:fs/promises";
import type { CommandContext } from "../context.ts";
import { UsageError } from "../errors.ts";

/** The whole text of a file, or of stdin for `-`. */
export async function readInput(context: CommandContext, file: string): Promise<string> {
  if (file !== "-") {
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  if (context.io.stdin.isTTY)
    throw new UsageError("reading the list from stdin, which is a terminal: pipe a list in or give a file");
  let text = "";
  for await (const chunk of context.io.stdin) text += String(chunk);
  return text;
}

/**
 * One item per line, as admins keep lists: blank lines and `#` comments are
 * ignored, surrounding space trimmed, repeats dropped. Each line goes through
 * `parse`, and every bad line is reported (with its number) before anything is done.
 */
export async function readItemList(
  context: CommandContext,
  file: string,
  parse: (line: string) => string | Promise<string>,
): Promise<string[]> {
  const items = new Set<string>();
  const problems: string[] = [];
  const lines = (await readInput(context, file)).split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    try {
      items.add(await parse(line));
    } catch (error) {
      problems.push(`line ${index + 1}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join("; ");
    throw new UsageError(
      `${problems.length} bad line(s) in ${file === "-" ? "stdin" : file}, nothing was done: ${shown}${problems.length > 5 ? "; ..." : ""}`,
    );
  }
  return [...items];
}
