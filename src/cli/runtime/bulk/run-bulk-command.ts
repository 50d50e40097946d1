import { randomUUID } from "node:crypto";
import type { BulkOutcome, BulkProgress } from "../../../api/bulk/run-bulk.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import { type AskPolicy, confirmOrStop } from "../confirm.ts";
import type { CommandContext } from "../context.ts";
import { CliError, ExitCode, UsageError } from "../errors.ts";
import { onInterrupt } from "../interrupt.ts";
import type { BulkOptionValues } from "../options/bulk.ts";
import { type CommandResult, type DocumentResult, document } from "../output/result.ts";
import { escapeTerminalText } from "../output/terminal-text.ts";
import { lockJournal, readEarlierJournal, setAsideForRestart } from "./earlier-run.ts";
import { JournalFile } from "./journal-file.ts";
import type { JournalLock } from "./journal-lock.ts";
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
   * summary. An item chosen by a condition checks it again first (the run may
   * be resumed days later, or be long) and calls {@link ItemRun.skip} when it
   * no longer holds.
   */
  readonly perform: (
    item: string,
    signal: AbortSignal,
    run: ItemRun,
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
  /**
   * The epoch-ms fields of synadm's document that the command's
   * `--datetime` shows as local times (see output/result.ts), for a command
   * synadm gives the switch.
   */
  readonly timeFields?: readonly string[];
}

/** What one item's action can ask of the run besides doing its work. */
export interface ItemRun {
  /** Stays the same when the run is resumed, so it can make transaction IDs that let the server drop a repeat. */
  readonly runId: string;
  /** Fields kept for this item by an earlier attempt (see {@link keep}), e.g. a generated password. */
  readonly kept: Record<string, unknown> | undefined;
  /**
   * Keeps fields on disk (the journal, mode 0600, synced) before the item is
   * acted on, so that a crash right after the action does not lose them; they
   * join the item's line of the summary, also of a resumed run. Throws when
   * they cannot be kept: the item then fails without being acted on.
   */
  keep(fields: Record<string, unknown>): void;
  /** Leaves the item alone, reported under `skipped` with why; return its result. */
  skip(reason: string): undefined;
}

/** Why a skipped item of a resumed run was not done again. */
export const DONE_EARLIER = "done by an earlier run";

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
  const earlier = (bulk.resumable ?? true) ? readEarlierJournal(context, journalPath, options) : undefined;
  if (options.resume) {
    if (!earlier)
      throw new UsageError(
        `nothing to resume: no interrupted run of '${bulk.command}' with these arguments on ${server}`,
      );
    context.note(
      `Resuming the run started ${earlier.header.started}: ${earlier.doneCount} of ${earlier.header.items.length} done` +
        (earlier.failures.size ? `, ${earlier.failures.size} failed (tried again)` : "") +
        (earlier.damagedLines
          ? `; ${earlier.damagedLines} line(s) of ${earlier.path} cut short, ignored`
          : "") +
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

/** What a run learnt of its items besides the engine's outcome. */
interface RunNotes {
  /** Items skipped because their condition no longer held, with why. */
  readonly skips: Map<string, string>;
  /** Fields kept for items (see {@link ItemRun.keep}). */
  readonly kept: Map<string, Record<string, unknown>>;
  /** Why the journal could not be written, if it could not. */
  journalError: Error | undefined;
}

/** The {@link ItemRun} of one item. */
function itemRun(
  context: CommandContext,
  item: string,
  runId: string,
  journal: JournalFile | undefined,
  notes: RunNotes,
): ItemRun {
  return {
    runId,
    kept: journal?.kept(item) ?? notes.kept.get(item),
    keep(fields) {
      if (journal && journal.keptCount === 0)
        context.note(
          `Values that must not be lost (generated passwords, IDs of jobs already started) are kept in ${journal.path} ` +
            "(mode 0600) until the run has finished without failures.",
        );
      journal?.keep(item, fields);
      notes.kept.set(item, { ...notes.kept.get(item), ...fields });
    },
    skip(reason) {
      notes.skips.set(item, reason);
      journal?.skipping(item, reason);
      return undefined;
    },
  };
}

/** Runs the items through the engine with progress on stderr; Ctrl-C stops it, a second one aborts. */
async function runItems(
  context: CommandContext,
  bulk: BulkCommand,
  items: string[],
  journal: JournalFile | undefined,
  admin: SynapseAdmin,
  notes: RunNotes,
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
  if (journal)
    journal.onWriteError = (error) => {
      // Going on would do items that a resumed run would not know were done.
      notes.journalError = error;
      stop.abort();
    };
  const display = progressDisplay(context.io.stderr, bulk.command);
  let last: BulkProgress | undefined;
  try {
    const { runBulk } = await import("../../../api/bulk/run-bulk.ts");
    return await runBulk({
      items,
      perform: (item, signal) => bulk.perform(item, signal, itemRun(context, item, runId, journal, notes)),
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

/** synadm's document or the summary, for the runtime to print (see {@link BulkCommand.synadmDocument}). */
function summaryResult(
  context: CommandContext,
  bulk: BulkCommand,
  summary: BulkSummary,
): DocumentResult | undefined {
  const skips = summary.skipped.filter((entry) => entry["reason"] !== DONE_EARLIER);
  for (const entry of skips.slice(0, 10))
    context.note(`Skipped ${String(entry[bulk.itemField])}: ${String(entry["reason"])}.`);
  if (skips.length > 10) context.note(`... and ${skips.length - 10} more skipped.`);
  if (!bulk.synadmDocument || bulk.options.summary)
    return document(bulk.present ? bulk.present(summary) : summary);
  context.note(summaryLine(bulk.command, summary));
  const synadms = bulk.synadmDocument(summary);
  if (synadms === undefined) return undefined;
  return document(synadms, bulk.timeFields ? { timeFields: bulk.timeFields } : {});
}

/** The summary as one line for the person watching, e.g. `notice send: 2 done, 1 failed.` */
export function summaryLine(command: string, summary: BulkSummary): string {
  if (summary.dry_run) return `${command}: dry run, ${summary.total} would be done, nothing changed.`;
  const parts = [`${summary.done.length} done`, `${summary.failed.length} failed`];
  const earlier = summary.skipped.filter((entry) => entry["reason"] === DONE_EARLIER).length;
  const skipped = summary.skipped.length - earlier;
  if (earlier) parts.push(`${earlier} done by an earlier run`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (summary.not_started?.length) parts.push(`${summary.not_started.length} not started`);
  return `${command}: ${parts.join(", ")} (of ${summary.total}).`;
}

/** The summary's lists from the engine's outcome: skipped items (now or earlier) apart from those done. */
function fillSummary(
  bulk: BulkCommand,
  summary: BulkSummary,
  outcome: Outcome,
  journal: JournalFile | undefined,
  notes: RunNotes,
): void {
  const field = bulk.itemField;
  const kept = (item: string) => journal?.kept(item) ?? notes.kept.get(item);
  summary.done = [];
  summary.skipped = [];
  for (const { item, result } of outcome.done) {
    const reason = notes.skips.get(item);
    if (reason === undefined) summary.done.push({ [field]: item, ...kept(item), ...result });
    else summary.skipped.push({ [field]: item, reason });
  }
  summary.failed = outcome.failed.map(({ item, error }) => ({ [field]: item, error: error.message }));
  for (const item of outcome.skipped) {
    const reason = journal?.skips.get(item);
    summary.skipped.push(
      reason === undefined
        ? { [field]: item, reason: DONE_EARLIER, ...kept(item) }
        : { [field]: item, reason: `${reason} (an earlier run)` },
    );
  }
  if (outcome.interrupted) summary.not_started = outcome.notStarted;
}

/**
 * The summary to print, and the failure of the run after it; a journal with
 * nothing left to do is dropped.
 */
function finish(
  context: CommandContext,
  bulk: BulkCommand,
  summary: BulkSummary,
  outcome: Outcome,
  journal: JournalFile | undefined,
  notes: RunNotes,
): CommandResult | undefined {
  fillSummary(bulk, summary, outcome, journal, notes);
  const result = summaryResult(context, bulk, summary);
  if (journal && !outcome.interrupted && outcome.failed.length === 0) journal.remove();
  const failure = runFailure(summary, outcome, journal, notes);
  if (!failure) return result;
  if (!result) throw failure;
  return { ...result, failure };
}

function runFailure(
  summary: BulkSummary,
  outcome: Outcome,
  journal: JournalFile | undefined,
  notes: RunNotes,
): CliError | undefined {
  const done = outcome.done.length + outcome.skipped.length;
  if (notes.journalError)
    return new CliError(
      `the run's journal ${journal?.path} could not be written (${notes.journalError.message}), so the run stopped: ` +
        `${done} of ${summary.total} done, ${outcome.failed.length} failed, ${outcome.notStarted.length} not started; ` +
        "items finished after that are not in the journal and would be done again by --resume",
      ExitCode.failed,
    );
  if (outcome.interrupted)
    return new CliError(
      `interrupted: ${done} of ${summary.total} done, ${outcome.failed.length} failed, ` +
        `${outcome.notStarted.length} not started${journal ? "; run the same command with --resume to go on" : ""}`,
      ExitCode.interrupted,
    );
  if (outcome.failed.length > 0)
    return new CliError(
      `${outcome.failed.length} of ${summary.total} failed` +
        (journal ? "; run the same command with --resume to try them again" : ""),
      ExitCode.failed,
    );
  return undefined;
}

/**
 * The shared flow of bulk commands: lock the run's journal, select (or, with
 * `--resume`, reload) the items, preview them on stderr, stop there with
 * `--dry-run`, check the audit log can be written, confirm, run them through
 * the engine with progress and a journal; the result is the one document to
 * print, failing after it when anything failed.
 */
export async function runBulkCommand(
  context: CommandContext,
  bulk: BulkCommand,
): Promise<CommandResult | undefined> {
  const { options } = bulk;
  if (options.resume && options.restart) throw new UsageError("--resume and --restart exclude each other");
  const admin = await context.admin();
  const server = admin.http.baseUrl;
  const journalPath = JournalFile.pathFor(context.stateDir, bulk.command, server, bulk.identity);
  const resumable = bulk.resumable ?? true;
  // A dry run writes no journal, so it needs no lock; it may run beside a real run.
  const lock: JournalLock | undefined =
    resumable && !options.dryRun ? lockJournal(journalPath, bulk.command) : undefined;
  try {
    return await lockedRun(context, bulk, admin, journalPath);
  } finally {
    lock?.release();
  }
}

async function lockedRun(
  context: CommandContext,
  bulk: BulkCommand,
  admin: SynapseAdmin,
  journalPath: string,
): Promise<CommandResult | undefined> {
  const { options } = bulk;
  const server = admin.http.baseUrl;
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
    return summaryResult(context, bulk, summary);
  }
  // Before the first change: a change made but missing from the audit log must not happen.
  await context.checkAuditLog();
  if (bulk.question) await confirmOrStop(context, bulk.question(items.length), bulk.askPolicy);

  let journal: JournalFile | undefined;
  if (bulk.resumable ?? true) {
    if (options.resume) journal = earlier;
    else {
      if (earlier) setAsideForRestart(context, earlier);
      journal = JournalFile.create(journalPath, {
        command: bulk.command,
        server,
        identity: bulk.identity,
        items,
      });
    }
  }
  const notes: RunNotes = { skips: new Map(), kept: new Map(), journalError: undefined };
  const outcome = await runItems(context, bulk, items, journal, admin, notes);
  return finish(context, bulk, summary, outcome, journal, notes);
}
