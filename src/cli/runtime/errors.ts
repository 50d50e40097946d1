/** Exit codes, documented in the README. The config codes match synadm's. */
export const ExitCode = {
  ok: 0,
  /** The server answered with an error, or the work failed. */
  failed: 1,
  /** Bad command line or input, or not configured in batch mode; nothing was sent. */
  usage: 2,
  /** `--batch config` lacks values it needs. */
  configMissing: 3,
  /** The configuration file could not be written. */
  configWrite: 4,
  /** The configurator finished but the configuration is still incomplete. */
  configIncomplete: 5,
  /** The server could not be reached or did not answer in time. */
  unreachable: 6,
  /** The server answered something that is not the expected JSON. */
  invalidResponse: 7,
  /** `doctor` found warnings (and no errors). */
  doctorWarning: 20,
  /** `doctor` found errors. */
  doctorError: 21,
  /** The user declined a confirmation prompt. */
  declined: 10,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

/** A failure the CLI reports with its own message and exit code. */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number;

  constructor(message: string, exitCode: number = ExitCode.failed) {
    super(message);
    this.exitCode = exitCode;
  }
}

export { UsageError } from "../framework/errors.ts";
