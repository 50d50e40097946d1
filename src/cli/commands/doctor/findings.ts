// Doctor's findings, its report document and the human text of it.

import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { countsOf, exitCodeOf, SEVERITIES, type Severity, worstOf } from "../../runtime/severity.ts";

export { exitCodeOf, SEVERITIES, type Severity };

/** One thing doctor checked, what it found and what to do about it. */
export interface Finding {
  /** The area: config, server, tls, token, version, auth, routing, background-updates... */
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  /** What to do; absent when there is nothing to do. */
  readonly action?: string;
}

/** The findings of one run, in the order the checks were started. */
export class Findings {
  readonly #list: Finding[] = [];

  add(check: string, severity: Severity, message: string, action?: string): void {
    this.#list.push({ check, severity, message, ...(action === undefined ? {} : { action }) });
  }

  get all(): readonly Finding[] {
    return this.#list;
  }

  get worst(): Severity {
    return worstOf(this.#list.map((finding) => finding.severity));
  }
}

/** The document `-o json` prints: stable keys for monitoring. */
export interface DoctorReport {
  readonly status: Severity;
  readonly exit_code: number;
  readonly base_url: string;
  readonly checked_at: string;
  readonly duration_ms: number;
  readonly counts: Record<Severity, number>;
  readonly findings: readonly Finding[];
}

export function reportOf(findings: Findings, baseUrl: string, started: number): DoctorReport {
  const counts = countsOf(findings.all.map((finding) => finding.severity));
  return {
    status: findings.worst,
    exit_code: exitCodeOf(findings.worst),
    base_url: baseUrl,
    checked_at: new Date(started).toISOString(),
    duration_ms: Date.now() - started,
    counts,
    findings: findings.all,
  };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The report for reading: worst first, each group under its heading, each action under its finding. */
export function humanReport(report: DoctorReport): string {
  const { counts } = report;
  const lines = [
    `synadm doctor: ${report.base_url}: ${plural(counts.error, "error")}, ` +
      `${plural(counts.warning, "warning")}, ${counts.info} info, ${counts.ok} ok ` +
      `(${(report.duration_ms / 1000).toFixed(1)} s)`,
  ];
  for (const severity of [...SEVERITIES].reverse()) {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push("", severity.toUpperCase());
    for (const finding of group) {
      // Messages carry the server's text (errors, task names): escaped, one line each.
      lines.push(`  ${finding.check}: ${escapeTerminalText(finding.message)}`);
      if (finding.action) lines.push(`      -> ${escapeTerminalText(finding.action)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
