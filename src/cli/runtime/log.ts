import type { Logger } from "../../api/logger.ts";
import type { OutputStream } from "./io.ts";
import { escapeTerminalText } from "./output/terminal-text.ts";

/**
 * Levelled messages on stderr: warnings always, requests with `-v`, details
 * with `-vv`. The library never sees the token in a form it could log. Each
 * message is one line, escaped: it may quote what the server said.
 */
export function stderrLogger(stderr: OutputStream, verbosity: number): Logger {
  const write = (level: string, message: string): void => {
    stderr.write(`${level.padEnd(7)} ${escapeTerminalText(message)}\n`);
  };
  return {
    debug: (message) => verbosity >= 2 && write("DEBUG", message),
    info: (message) => verbosity >= 1 && write("INFO", message),
    warn: (message) => write("WARNING", message),
  };
}
