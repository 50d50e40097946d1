import type { OutputTarget } from "../../src/cli/runtime/output/terminal.ts";

/** An output target that keeps what is written to it, for the output code's unit tests. */
export interface CapturedOutput extends OutputTarget {
  readonly out: string[];
  readonly err: string[];
}

/** A captured target: a terminal of `columns` when `tty`, with `env` (empty unless given). */
export function capturedOutput(
  options: { tty?: boolean; columns?: number; env?: Record<string, string> } = {},
): CapturedOutput {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: {
      write: (chunk: string) => out.push(chunk),
      ...(options.tty ? { isTTY: true } : {}),
      ...(options.columns === undefined ? {} : { columns: options.columns }),
    } as OutputTarget["stdout"],
    stderr: { write: (chunk: string) => err.push(chunk) },
    env: options.env ?? {},
  };
}
