import {
  AbortError,
  ApiError,
  ConnectionError,
  InvalidInputError,
  InvalidResponseError,
  OAuthError,
  TimeoutError,
  UnauthorizedError,
} from "../../api/errors.ts";
import { CliError, ExitCode, UsageError } from "./errors.ts";
import type { OutputStream } from "./io.ts";
import { escapeTerminalText } from "./output/terminal-text.ts";

/**
 * Reports a failure as one line on stderr and returns the exit code; the stack
 * trace only with `-vv`. Messages carry the server's error text and the
 * admin's input: escaped, so that they can neither drive the terminal nor
 * add a line.
 */
export function reportError(error: unknown, stderr: OutputStream, verbosity: number): number {
  const { message, exitCode } = describeFailure(error);
  stderr.write(`Error: ${escapeTerminalText(message)}\n`);
  if (verbosity >= 2 && error instanceof Error && error.stack)
    stderr.write(`${escapeTerminalText(error.stack, { keepLineBreaks: true })}\n`);
  return exitCode;
}

/** The one line and the exit code of a failure: the CLI's error → exit code mapping (see the README). */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) {
    const help = error.helpFor ? `; see '${error.helpFor} --help'` : "";
    return { message: `${error.message}${help}`, exitCode: error.exitCode };
  }
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof InvalidInputError) return { message: error.message, exitCode: ExitCode.usage };
  if (error instanceof UnauthorizedError) {
    return {
      message: `${error.message} (the access token is not valid; check it with 'synadm config')`,
      exitCode: ExitCode.failed,
    };
  }
  if (error instanceof ApiError) return { message: error.message, exitCode: ExitCode.failed };
  if (error instanceof OAuthError) {
    const hint =
      error.error === "invalid_client" || error.error === "unauthorized_client"
        ? " (check mas_client_id and mas_client_secret, and the client's grant types at MAS)"
        : error.error === "invalid_grant"
          ? ' (the login is over: run "synadm mas login" again)'
          : "";
    return { message: `${error.message}${hint}`, exitCode: ExitCode.failed };
  }
  if (error instanceof ConnectionError || error instanceof TimeoutError) {
    return { message: error.message, exitCode: ExitCode.unreachable };
  }
  if (error instanceof InvalidResponseError)
    return { message: error.message, exitCode: ExitCode.invalidResponse };
  if (error instanceof AbortError) return { message: error.message, exitCode: ExitCode.interrupted };
  const text = error instanceof Error ? error.message : String(error);
  return { message: `unexpected failure: ${text} (run with -vv for details)`, exitCode: ExitCode.failed };
}
