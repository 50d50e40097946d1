/**
 * The command line or an input value is wrong; reported before any request.
 * Its exit code is 2, the usual one for a usage error.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode: number = 2;
  /** The command path whose help explains the right usage, e.g. `synadm user list`. */
  helpFor: string | undefined;

  constructor(message: string, helpFor?: string) {
    super(message);
    this.helpFor = helpFor;
  }
}
