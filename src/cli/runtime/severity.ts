// How bad a finding of a checking command (doctor, mas doctor) is, and the exit code that says so.
import { ExitCode } from "./errors.ts";

/** How bad a finding is, best first. */
export const SEVERITIES = ["ok", "info", "warning", "error"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The worst of these severities (`ok` for none). */
export function worstOf(severities: Iterable<Severity>): Severity {
  let worst = 0;
  for (const severity of severities) worst = Math.max(worst, SEVERITIES.indexOf(severity));
  return SEVERITIES[worst]!;
}

/** How many findings there are of each severity. */
export function countsOf(severities: Iterable<Severity>): Record<Severity, number> {
  const counts = { ok: 0, info: 0, warning: 0, error: 0 };
  for (const severity of severities) counts[severity]++;
  return counts;
}

/** The exit code of a worst severity (see the README's exit codes): 0 up to info, 20 warning, 21 error. */
export function exitCodeOf(worst: Severity): number {
  if (worst === "error") return ExitCode.doctorError;
  if (worst === "warning") return ExitCode.doctorWarning;
  return ExitCode.ok;
}
