import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { listIn } from "../../runtime/output/result.ts";
import type { listParameters } from "./scheduled-tasks.ts";

export const listScheduledTasks: RunFor<typeof listParameters> = async (context, { options }) => {
  const { before, datetime: _shownByTheRuntime, ...filters } = options;
  const result = await (await context.admin()).scheduledTasks.list({
    ...definedOnly(filters),
    ...(before === undefined ? {} : { maxTimestamp: parseTimeSpec(before) }),
  });
  return listIn(result, "scheduled_tasks");
};
