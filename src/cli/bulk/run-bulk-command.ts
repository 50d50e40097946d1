import { randomUUID } from "node:crypto";
import type { BulkOutcome, BulkProgress } from "../../api/bulk/run-bulk.ts";
import type { SynapseAdmin } from "../../api/synapse-admin.ts";
import { type AskPolicy, confirmOrStop } from "../confirm.ts";
import type { CommandContext } from "../context.ts";
import { CliError, ExitCode, UsageError } from "../errors.ts";
import { onInterrupt } from "../interrupt.ts";
import { escapeTerminalText } from "../output/terminal-text.ts";
import { JournalFile } from "./journal-file.ts";
import type { BulkOptionValues } from "./options.ts";
import { progressDisplay } from "./progress.ts";

/** One command's use of the bulk engine. */
export interface BulkCommand {
  /** The command path, e.g. `user deactivate-regex`: names the journal and the progress line. */
  readonly command: string;
  /** The arguments that choose the items and the action: the same values mean the same run. */
  readonly identity: Record<string, unknown>;
  /** The summary's name for an item, e.g. `user_id`. */
  readonly itemField: string;
  /** Names the items in messages, e.g. `user(s)`. */
  readonly noun: string;
  /** The confirmation question for `count` items; absent for runs that change nothing. */
  readonly question?: (count: number) => string;
  /** Whether that question is asked by default (see {@link AskPolicy}); `"always"` unless told. */
  readonly askPolicy?: AskPolicy;
  /** Finds the items (not called when resuming: the journal keeps them). */
  readonly selectItems: () => Promise<string[]>;
  /** Shown on stderr after the preview of the items, e.g. a notice's text. */
  readonly details?: string;
  /**
   * Does one item; fields of what it returns go into the item's line of the
   * summary. `runId` stays the same when the run is resumed, so it can make
   * transaction IDs that let the server drop a repeated request.
   */
  readonly perform: (
    item: string,
    signal: AbortSignal,
    runId: string,
  ) => Promise<Record<string, unknown> | undefined>;
  readonly options: BulkOptionValues;
  /** Items shown before asking (default 10). */
  readonly previewLength?: number;
  /** Journal and resume (default true; false for runs that only read). */
  readonly resumable?: boolean;
  /** Reshapes the summary before it is printed (e.g. counts instead of lists). */
  readonly present?: (summary: BulkSummary) => unknown;
  /**
   * For synadm's own commands: the document synadm prints, made from the
   * summary (also of a dry run), so that its scripts read what they always
   * read; `undefined` prints nothing (`notice send --silent`). The summary then
   * goes to stderr as one line, and to stdout only with `--summary`.
   */
  readonly synadmDocument?: (summary: BulkSummary) => unknown;
}

/** What every bulk command prints: one document, whatever happened. */
export interface BulkSummary {
  dry_run: boolean;
  total: number;
  done: Array<Record<string, unknown>>;
  failed: Array<Record<string, unknown>>;
  skipped: Array<Record<string, unknown>>;
  not_started?: string[];
}

/** The items of this run, and the journal of an earlier run of the same command line. */
async function chooseItems(
  context: CommandContext,
  bulk: BulkCommand,
  journalPath: string,
  server: string,
): Promise<{ items: string[]; earlier: JournalFile | undefined }> {
  const { options } = bulk;
  const earlier = (bulk.resumable ?? true) ? JournalFile.read(journalPath) : undefined;
  if (options.resume) {
    if (!earlier)
      throw new UsageError(
        `nothing to resume: no interrupted run of '${bulk.command}' with these arguments on ${server}`,
      );
    context.note(
      `Resuming the run started ${earlier.header.started}: ${earlier.doneCount} of ${earlier.header.items.length} done` +
        (earlier.failures.size ? `, ${earlier.failures.size} failed (tried again)` : "") +
        ".",
    );
    return { items: [...earlier.header.items], earlier };
  }
  if (earlier && !options.restart && !options.dryRun)
    throw new UsageError(
      `an unfinished run of this command line (started ${earlier.header.started}, ` +
        `${earlier.doneCount} of ${earlier.header.items.length} done) can be resumed: ` +
        "add --resume to go on with it, or --restart to start over",
    );
  return { items: await bulk.selectItems(), earlier };
}

function preview(context: CommandContext, bulk: BulkCommand, items: readonly string[]): void {
  // Items may be the server's text (remote user IDs): one escaped line each.
  const shown = items.slice(0, bulk.previewLength ?? 10).map((item) => escapeTerminalText(item));
  const more = items.length > shown.length ? `\n  ... and ${items.length - shown.length} more` : "";
  context.note(
    `${items.length} ${bulk.noun}` +
      (items.length ? `:\n  ${shown.join("\n  ")}${more}` : ".") +
      (bulk.details ? `\n${bulk.details}` : ""),
  );
}

type Outcome = BulkOutcome<string, Record<string, unknown> | undefined>;

/** Runs the items through the engine with progress on stderr; Ctrl-C stops it, a second one aborts. */
async function runItems(
  context: CommandContext,
  bulk: BulkCommand,
  items: string[],
  journal: JournalFile | undefined,
  admin: SynapseAdmin,
): Promise<Outcome> {
  const runId = journal?.header.run_id ?? randomUUID();
  const stop = new AbortController();
  const abort = new AbortController();
  const removeHandlers = onInterrupt(() => {
    if (stop.signal.aborted) {
      abort.abort();
      return;
    }
    stop.abort();
    context.note("\nStopping: no new items start; those in flight finish. Ctrl-C again aborts them.");
  });
  const display = progressDisplay(context.io.stderr, bulk.command);
  let last: BulkProgress | undefined;
  try {
    const { runBulk } = await import("../../api/bulk/run-bulk.ts");
    return await runBulk({
      items,
      perform: (item, signal) => bulk.perform(item, signal, runId),
      concurrency: bulk.options.concurrency,
      rateLimits: admin.http.rateLimits,
      ...(journal ? { journal } : {}),
      stopSignal: stop.signal,
      signal: abort.signal,
      onProgress: (progress) => {
        last = progress;
        display.update(progress);
      },
    });
  } finally {
    removeHandlers();
    display.end(last);
  }
}

/** Prints synadm's document or the summary (see {@link BulkCommand.synadmDocument}). */
async function printSummary(context: CommandContext, bulk: BulkCommand, summary: BulkSummary): Promise<void> {
  if (!bulk.synadmDocument || bulk.options.summary) {
    await context.print(bulk.present ? bulk.present(summary) : summary);
    return;
  }
  context.note(summaryLine(bulk.command, summary));
  const document = bulk.synadmDocument(summary);
  if (document !== undefined) await context.print(document);
}

/** The summary as one line for the person watching, e.g. `notice send: 2 done, 1 failed.` */
export function summaryLine(command: string, summary: BulkSummary): string {
  if (summary.dry_run) return `${command}: dry run, ${summary.total} would be done, nothing changed.`;
  const parts = [`${summary.done.length} done`, `${summary.failed.length} failed`];
  if (summary.skipped.length) parts.push(`${summary.skipped.length} done by an earlier run`);
  if (summary.not_started?.length) parts.push(`${summary.not_started.length} not started`);
  return `${command}: ${parts.join(", ")} (of ${summary.total}).`;
}

/** Prints the summary, drops a journal with nothing left to do, and fails as the run did. */
async function finish(
  context: CommandContext,
  bulk: BulkCommand,
  summary: BulkSummary,
  outcome: Outcome,
  journal: JournalFile | undefined,
): Promise<BulkSummary> {
  const field = bulk.itemField;
  summary.done = outcome.done.map(({ item, result }) => ({ [field]: item, ...result }));
  summary.failed = outcome.failed.map(({ item, error }) => ({ [field]: item, error: error.message }));
  summary.skipped = outcome.skipped.map((item) => ({ [field]: item, reason: "done by an earlier run" }));
  if (outcome.interrupted) summary.not_started = outcome.notStarted;
  await printSummary(context, bulk, summary);

  if (journal && !outcome.interrupted && outcome.failed.length === 0) journal.remove();
  const done = outcome.done.length + outcome.skipped.length;
  if (outcome.interrupted)
    throw new CliError(
      `interrupted: ${done} of ${summary.total} done, ${outcome.failed.length} failed, ` +
        `${outcome.notStarted.length} not started${journal ? "; run the same command with --resume to go on" : ""}`,
      ExitCode.interrupted,
    );
  if (outcome.failed.length > 0)
    throw new CliError(
      `${outcome.failed.length} of ${summary.total} failed` +
        (journal ? "; run the same command with --resume to try them again" : ""),
      ExitCode.failed,
    );
  return summary;
}

/**
 * The shared flow of bulk commands: select (or, with `--resume`, reload) the
 * items, preview them on stderr, stop there with `--dry-run`, confirm, run
 * them through the engine with progress and a journal, print one summary and
 * fail when anything failed.
 */
export async function runBulkCommand(context: CommandContext, bulk: BulkCommand): Promise<BulkSummary> {
  const { options } = bulk;
  if (options.resume && options.restart) throw new UsageError("--resume and --restart exclude each other");
  const admin = await context.admin();
  const server = admin.http.baseUrl;
  const journalPath = JournalFile.pathFor(context.stateDir, bulk.command, server, bulk.identity);
  const { items, earlier } = await chooseItems(context, bulk, journalPath, server);
  preview(context, bulk, items);
  const summary: BulkSummary = {
    dry_run: options.dryRun,
    total: items.length,
    done: [],
    failed: [],
    skipped: [],
  };
  if (options.dryRun || items.length === 0) {
    if (options.dryRun) summary.not_started = items;
    await printSummary(context, bulk, summary);
    return summary;
  }
  if (bulk.question) await confirmOrStop(context, bulk.question(items.length), bulk.askPolicy);

  const journal =
    (bulk.resumable ?? true)
      ? options.resume
        ? earlier
        : JournalFile.create(journalPath, { command: bulk.command, server, identity: bulk.identity, items })
      : undefined;
  const outcome = await runItems(context, bulk, items, journal, admin);
  return finish(context, bulk, summary, outcome, journal);
}
