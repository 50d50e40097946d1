import type { BulkProgress } from "../../../api/bulk/run-bulk.ts";
import type { OutputStream } from "../io.ts";

/** Shows a bulk run's progress on stderr. */
export interface ProgressDisplay {
  update(progress: BulkProgress): void;
  /** Draws the final state and leaves the line. */
  end(progress: BulkProgress | undefined): void;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 10_000;

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** The numbers both displays show: counts, rate, estimated time left, and why it is held back. */
export function describeProgress(p: BulkProgress, now: number): string {
  const finished = p.done + p.failed;
  const elapsed = Math.max(1, now - p.startedAt);
  const rate = (finished / elapsed) * 1000;
  const left = p.total - p.skipped - finished;
  const parts = [`${finished + p.skipped}/${p.total}`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.skipped > 0) parts.push(`${p.skipped} done earlier`);
  parts.push(`${rate.toFixed(1)}/s`);
  if (left > 0 && rate > 0) parts.push(`ETA ${seconds((left / rate) * 1000)}`);
  if (p.pausedUntil !== undefined)
    parts.push(`rate-limited: paused ${seconds(p.pausedUntil - now)}, ${p.concurrency} at once`);
  if (p.stopping) parts.push(`stopping after ${p.inFlight} in flight`);
  return parts.join(", ");
}

/** What changes deserve a line of their own in a log. */
function state(p: BulkProgress): string {
  return `${p.pausedUntil !== undefined}/${p.stopping}/${p.concurrency}`;
}

/**
 * A bar redrawn in place on a terminal; elsewhere (a log, CI) one plain line
 * every ten seconds and whenever the run is paused, resumed or stopping.
 */
export function progressDisplay(stderr: OutputStream, label: string, now = Date.now): ProgressDisplay {
  if (stderr.isTTY) {
    let lastDraw = 0;
    const draw = (p: BulkProgress): void => {
      const share = p.total === 0 ? 1 : (p.done + p.failed + p.skipped) / p.total;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
      stderr.write(`\r\x1b[K${label} ${bar} ${describeProgress(p, now())}`);
    };
    return {
      update(p) {
        if (now() - lastDraw < REDRAW_MS && p.pausedUntil === undefined && !p.stopping) return;
        lastDraw = now();
        draw(p);
      },
      end(p) {
        if (p) draw(p);
        stderr.write("\n");
      },
    };
  }
  let lastLine = now();
  let lastState: string | undefined;
  return {
    update(p) {
      const current = state(p);
      // A short run says nothing until its summary; a long one, every ten seconds or on a change.
      lastState ??= state({ ...p, pausedUntil: undefined, stopping: false });
      if (now() - lastLine < PLAIN_EVERY_MS && current === lastState) return;
      lastLine = now();
      lastState = current;
      stderr.write(`${label}: ${describeProgress(p, lastLine)}\n`);
    },
    end(p) {
      if (p)
        stderr.write(
          `${label}: ${describeProgress(p, now())}, finished in ${seconds(now() - p.startedAt)}\n`,
        );
    },
  };
}
