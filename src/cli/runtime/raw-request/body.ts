import { readFile } from "node:fs/promises";
import type { CommandContext } from "../context.ts";
import { UsageError } from "../errors.ts";

/**
 * The JSON body of a raw request, read and checked before anything is sent.
 * GET requests carry none, as in synadm.
 */
export async function readRequestBody(
  context: CommandContext,
  method: string,
  options: { data: string | undefined; dataFile: string | undefined },
): Promise<unknown> {
  if (method === "get") return undefined;
  let source = "--data";
  let text = options.data ?? "{}";
  if (options.dataFile !== undefined) {
    source = options.dataFile === "-" ? "standard input" : options.dataFile;
    try {
      text =
        options.dataFile === "-"
          ? await readStream(context.io.stdin)
          : await readFile(options.dataFile, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the body from ${source} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
