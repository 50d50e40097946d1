// The server's own state that doctor reports: background updates, federation
// destinations, event reports and scheduled tasks.
import type { RequestOptions } from "../../../api/http-client.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import { describeFailure } from "../../runtime/report-error.ts";
import type { Findings } from "./findings.ts";

/** A destination failing for longer than this is reported as a warning, not as the usual dead peer. */
const FAILING_LONG_MS = 24 * 3600_000;

interface UpdateProgress {
  readonly name: string;
  readonly total_item_count: number;
  readonly total_duration_ms: number;
}

/** Runs one check; a check that could not run is a warning that says why. */
async function notChecked(findings: Findings, area: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    findings.add(area, "warning", `not checked: ${describeFailure(error).message}`);
  }
}

export async function checkBackgroundUpdates(
  admin: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
  stuckAfterMs: number,
): Promise<void> {
  const read = async () =>
    (await admin.backgroundUpdates.status(request)) as {
      enabled: boolean;
      current_updates: Record<string, UpdateProgress>;
    };
  await notChecked(findings, "background-updates", async () => {
    const first = await read();
    const running = Object.entries(first.current_updates ?? {});
    if (!first.enabled) {
      findings.add(
        "background-updates",
        "warning",
        `background updates are disabled${running.length > 0 ? ` with ${running.map(([, u]) => u.name).join(", ")} unfinished` : ""}: schema changes wait, and features that need them stay slow or off`,
        "synadm background-updates enable",
      );
      return;
    }
    if (running.length === 0) {
      findings.add("background-updates", "ok", "no background update is running");
      return;
    }
    // One update per database runs at a time; one without progress across the wait is stuck.
    await new Promise((resolve) => setTimeout(resolve, stuckAfterMs));
    const second = await read();
    for (const [database, update] of running) {
      const later = second.current_updates?.[database];
      if (later === undefined || later.name !== update.name)
        findings.add(
          "background-updates",
          "ok",
          `${update.name} (${database}) finished while doctor watched`,
        );
      else if (
        later.total_item_count === update.total_item_count &&
        later.total_duration_ms === update.total_duration_ms
      )
        findings.add(
          "background-updates",
          "warning",
          `${update.name} (${database}) made no progress in ${stuckAfterMs / 1000} s (${update.total_item_count} items so far): stuck?`,
          "look for errors about it in Synapse's log (a failing update is retried and fails again); if the log is quiet, run doctor again with a longer --stuck-after",
        );
      else
        findings.add(
          "background-updates",
          "info",
          `${later.name} (${database}) is running: ${later.total_item_count} items so far`,
        );
    }
  });
}

export async function checkFederation(
  admin: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
): Promise<void> {
  await notChecked(findings, "federation", async () => {
    const page = (await admin.request({
      ...request,
      method: "GET",
      path: "/v1/federation/destinations",
      query: { limit: 1000, order_by: "failure_ts", dir: "f" },
    })) as { destinations: Array<{ destination: string; failure_ts: number | null }>; total: number };
    const now = Date.now();
    const failing = page.destinations.filter((d) => typeof d.failure_ts === "number");
    const long = failing.filter((d) => now - d.failure_ts! > FAILING_LONG_MS);
    if (failing.length === 0) {
      findings.add("federation", "ok", `no failing destination (${page.total} known)`);
      return;
    }
    const names = (list: typeof failing) =>
      list
        .slice(0, 5)
        .map((d) => d.destination)
        .join(", ") + (list.length > 5 ? ", ..." : "");
    findings.add(
      "federation",
      long.length > 0 ? "warning" : "info",
      `${failing.length} of ${page.total} destinations are failing` +
        (long.length > 0 ? `, ${long.length} for more than a day: ${names(long)}` : `: ${names(failing)}`),
      "servers that are gone fail forever and can be ignored; for one that works again: synadm federation reset NAME",
    );
  });
}

export async function checkEventReports(
  admin: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
): Promise<void> {
  await notChecked(findings, "event-reports", async () => {
    const page = (await admin.request({
      ...request,
      method: "GET",
      path: "/v1/event_reports",
      query: { limit: 1, dir: "f" },
    })) as { total: number; event_reports: Array<{ received_ts: number }> };
    if (page.total === 0) findings.add("event-reports", "ok", "no event report is waiting");
    else {
      const oldest = page.event_reports[0]?.received_ts;
      findings.add(
        "event-reports",
        "info",
        `${page.total} event report${page.total === 1 ? " is" : "s are"} waiting` +
          (oldest === undefined ? "" : `, the oldest since ${new Date(oldest).toISOString()}`),
        "synadm event-report list (delete handled ones: synadm event-report delete ID)",
      );
    }
  });
}

export async function checkScheduledTasks(
  admin: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
): Promise<void> {
  await notChecked(findings, "scheduled-tasks", async () => {
    const { scheduled_tasks: failed } = await admin.scheduledTasks.list({ status: "failed" }, request);
    if (failed.length === 0) {
      findings.add("scheduled-tasks", "ok", "no scheduled task failed");
      return;
    }
    const shown = failed
      .slice(0, 3)
      .map(
        (task) =>
          `${task.action}${task.resource_id ? ` ${task.resource_id}` : ""}: ${task.error ?? "no error given"}`,
      )
      .join("; ");
    findings.add(
      "scheduled-tasks",
      "warning",
      `${failed.length} scheduled task${failed.length === 1 ? "" : "s"} failed: ${shown}${failed.length > 3 ? "; ..." : ""}`,
      "synadm scheduled-tasks list -s failed; repeat the work (a room delete: synadm room delete ROOM) once its cause is fixed",
    );
  });
}
