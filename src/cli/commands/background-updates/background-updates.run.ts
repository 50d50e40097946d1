import { LongRunningJob } from "../../../api/jobs.ts";
import type { BackgroundUpdatesStatus } from "../../../api/resources/background-updates.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { followJob } from "../../runtime/follow-job.ts";
import { document } from "../../runtime/output/result.ts";
import type { noParameters, startParameters } from "./background-updates.ts";

export const backgroundUpdatesStatus: RunFor<typeof noParameters> = async (context) =>
  document(await (await context.admin()).backgroundUpdates.status());

export const enableBackgroundUpdates: RunFor<typeof noParameters> = async (context) =>
  document(await (await context.admin()).backgroundUpdates.setEnabled({ enabled: true }));

export const disableBackgroundUpdates: RunFor<typeof noParameters> = async (context) =>
  document(await (await context.admin()).backgroundUpdates.setEnabled({ enabled: false }));

export const startBackgroundJob: RunFor<typeof startParameters> = async (context, { options, args }) => {
  const extra = {
    ...(options.oldKey === undefined ? {} : { oldKey: options.oldKey }),
    ...(options.beforeTs === undefined ? {} : { beforeTs: parseTimeSpec(options.beforeTs) }),
  };
  const { backgroundUpdates } = await context.admin();
  const answer = await backgroundUpdates.startJob(args.job, extra);
  if (options.noWait) return document(answer);
  // Synapse gives queued updates no ID: follow them all until none is running.
  const job = new LongRunningJob<BackgroundUpdatesStatus>(args.job, {
    description: `background updates after ${args.job}`,
    fetchStatus: (signal) => backgroundUpdates.status(signal ? { signal } : {}),
    outcome: (status) =>
      !status.enabled ? "failed" : Object.keys(status.current_updates).length === 0 ? "complete" : "running",
    failureReason: () => "background updates are disabled; 'synadm background-updates enable' turns them on",
  });
  return followJob(context, job, {
    label: "Background updates after",
    idField: "job_name",
    noWait: false,
    statusCommand: "synadm background-updates status",
    describe: (status) =>
      Object.values(status.current_updates)
        .map((update) => `${update.name} (${update.total_item_count} items)`)
        .join(", ") || "none running",
  });
};
