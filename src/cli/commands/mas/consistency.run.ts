import { type BulkSummary, runBulkCommand, summaryLine } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { type CommandResult, listIn, textOf } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { countsOf, exitCodeOf, SEVERITIES, type Severity, worstOf } from "../../runtime/severity.ts";
import type { masDoctorParameters } from "./consistency.ts";
import {
  type Comparison,
  type ConsistencyFinding,
  compareAccounts,
  finding as makeFinding,
  repairItem,
} from "./consistency-compare.ts";
import { performRepair } from "./consistency-repair.ts";
import { scanAccounts } from "./consistency-scan.ts";

const COMMAND = "mas doctor --fix";

/** What became of a finding's repair in a `--fix` run. */
type FixOutcome = "done" | "failed" | "skipped" | "not started" | "dry run";

/** A finding as reported: with `--fix`, what its repair came to (`null` for findings without one). */
type ReportedFinding = ConsistencyFinding & { fix?: FixOutcome | null };

/** The document `-o json` prints: stable keys, as doctor's. */
export interface ConsistencyReport {
  /** The worst severity of what is left (repaired findings do not count). */
  readonly status: Severity;
  readonly exit_code: number;
  readonly synapse_url: string;
  readonly mas_url: string;
  readonly checked_at: string;
  readonly duration_ms: number;
  /** Findings left, by severity. */
  readonly counts: Record<Severity, number>;
  /** Findings repaired by this run (or found agreeing by the time of their repair). */
  readonly repaired: number;
  readonly compared: {
    readonly synapse_accounts: number;
    readonly mas_users: number;
    readonly appservice_accounts_left_out: number;
    readonly legacy_guests_left_out: number;
  };
  readonly findings: readonly ReportedFinding[];
  /** With `--fix`: the bulk run's summary, each entry naming its `repair` item. */
  readonly repairs?: BulkSummary;
}

export const masDoctor: RunFor<typeof masDoctorParameters> = async (context, { options }) => {
  if (!options.fix && (options.resume || options.restart || options.dryRun))
    throw new UsageError("--dry-run, --resume and --restart go with --fix");
  const started = Date.now();
  const admin = await context.admin();
  const mas = await context.mas();
  const serverName = await context.serverName();
  const scan = await scanAccounts(admin, mas, options.batchSize, options.concurrency);
  const comparison = compareAccounts(scan.synapse.values(), scan.mas, serverName);
  const findings: ReportedFinding[] = [summaryFinding(comparison), ...comparison.findings];
  const urls = { synapse_url: admin.http.baseUrl, mas_url: mas.http.baseUrl };
  if (!options.fix) return resultOf(context, reportOf(findings, comparison, urls, started));

  let summary: BulkSummary | undefined;
  const repairs = comparison.findings.flatMap((finding) =>
    finding.repair && finding.user_id ? [repairItem(finding.repair, finding.user_id)] : [],
  );
  const run = await runBulkCommand(context, {
    command: COMMAND,
    identity: {},
    itemField: "repair",
    noun: "repair(s)",
    question: (count) => `Make these ${count} repair(s), on Synapse and in MAS?`,
    selectItems: async () => repairs,
    perform: (item, signal, itemRun) => performRepair(admin, mas, item, signal, itemRun),
    options,
    present: (made) => {
      summary = made;
      return made;
    },
  });
  const outcomes = summary ? outcomesOf(summary) : new Map<string, FixOutcome>();
  const reported = findings.map((finding) => {
    const fix =
      finding.repair && finding.user_id
        ? outcomes.get(repairItem(finding.repair, finding.user_id))
        : undefined;
    return { ...finding, fix: fix ?? null };
  });
  const report = reportOf(reported, comparison, urls, started, summary);
  const failure = run?.kind === "document" ? run.failure : undefined;
  return resultOf(context, report, failure);
};

function summaryFinding(comparison: Comparison): ConsistencyFinding {
  const leftOut = [
    comparison.appserviceAccounts ? `${comparison.appserviceAccounts} application-service account(s)` : "",
    comparison.legacyGuests ? `${comparison.legacyGuests} MAS legacy guest(s)` : "",
  ].filter(Boolean);
  return makeFinding({
    check: "accounts",
    severity: "ok",
    message:
      `${comparison.synapseAccounts} Synapse account(s) and ${comparison.masUsers} MAS user(s) compared` +
      (leftOut.length ? ` (left out: ${leftOut.join(", ")})` : ""),
  });
}

/** Each repair item's outcome in the run's summary. */
function outcomesOf(summary: BulkSummary): Map<string, FixOutcome> {
  const outcomes = new Map<string, FixOutcome>();
  const put = (entries: ReadonlyArray<Record<string, unknown>>, outcome: FixOutcome): void => {
    for (const entry of entries) outcomes.set(String(entry["repair"]), outcome);
  };
  put(summary.done, "done");
  put(summary.skipped, "skipped");
  put(summary.failed, "failed");
  for (const item of summary.not_started ?? [])
    outcomes.set(item, summary.dry_run ? "dry run" : "not started");
  return outcomes;
}

/** A finding no longer stands once its repair is made, or found needless when it was to be made. */
const stillStands = (finding: ReportedFinding): boolean =>
  finding.fix !== "done" && finding.fix !== "skipped";

function reportOf(
  findings: readonly ReportedFinding[],
  comparison: Comparison,
  urls: { synapse_url: string; mas_url: string },
  started: number,
  repairs?: BulkSummary,
): ConsistencyReport {
  const left = findings.filter(stillStands).map((finding) => finding.severity);
  const status = worstOf(left);
  return {
    status,
    exit_code: exitCodeOf(status),
    ...urls,
    checked_at: new Date(started).toISOString(),
    duration_ms: Date.now() - started,
    counts: countsOf(left),
    repaired: findings.length - left.length,
    compared: {
      synapse_accounts: comparison.synapseAccounts,
      mas_users: comparison.masUsers,
      appservice_accounts_left_out: comparison.appserviceAccounts,
      legacy_guests_left_out: comparison.legacyGuests,
    },
    findings,
    ...(repairs ? { repairs } : {}),
  };
}

/** For reading unless a format is asked for, as doctor's report: the configured format is for data commands. */
function resultOf(context: CommandContext, report: ConsistencyReport, failure?: Error): CommandResult {
  const extra = { exitCode: report.exit_code, ...(failure ? { failure } : {}) };
  const format = context.globals.output;
  return format === undefined || format === "human"
    ? { ...textOf(humanReport(report)), ...extra }
    : listIn(report, "findings", extra);
}

/** The report for reading: what is left, worst first, each group under its heading; then the repairs. */
export function humanReport(report: ConsistencyReport): string {
  const { counts } = report;
  const lines = [
    `synadm mas doctor: ${escapeTerminalText(report.synapse_url)} and ${escapeTerminalText(report.mas_url)}: ` +
      `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${counts.ok} ok` +
      (report.repaired ? `, ${report.repaired} repaired` : "") +
      ` (${(report.duration_ms / 1000).toFixed(1)} s)`,
  ];
  const line = (finding: ReportedFinding): string =>
    // Messages hold the servers' text (user IDs): escaped, one line each.
    `  ${finding.check}: ${escapeTerminalText(finding.message)}`;
  for (const severity of [...SEVERITIES].reverse()) {
    const group = report.findings.filter((finding) => finding.severity === severity && stillStands(finding));
    if (group.length === 0) continue;
    lines.push("", severity.toUpperCase());
    for (const finding of group) {
      lines.push(line(finding) + (finding.fix ? ` [repair ${finding.fix}]` : ""));
      if (finding.action && !finding.fix) lines.push(`      -> ${escapeTerminalText(finding.action)}`);
    }
  }
  const repaired = report.findings.filter((finding) => !stillStands(finding));
  if (repaired.length) {
    lines.push("", "REPAIRED");
    for (const finding of repaired) lines.push(line(finding));
  }
  if (report.repairs) {
    lines.push("", summaryLine(COMMAND, report.repairs));
    for (const failed of report.repairs.failed)
      lines.push(
        `  failed: ${escapeTerminalText(`${String(failed["repair"])}: ${String(failed["error"])}`)}`,
      );
  }
  return `${lines.join("\n")}\n`;
}
