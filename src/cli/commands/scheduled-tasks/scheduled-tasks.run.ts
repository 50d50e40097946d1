import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { listIn } from "../../runtime/output/result.ts";
import type { listParameters } from "./scheduled-tasks.ts";

export const listScheduledTasks: RunFor<typeof listParameters> = async (context, { options }) => {
  const { before, resourceId, actionName, status } = options;
  const result = await (await context.admin()).scheduledTasks.list({
    ...definedOnly({ resourceId }),
    // Each value is one more parameter of the same name (a list needs Synapse 1.160).
    ...(actionName.length === 0 ? {} : { actionName }),
    ...(status.length === 0 ? {} : { status }),
    ...(before === undefined ? {} : { maxTimestamp: parseTimeSpec(before) }),
  });
  return listIn(result, "scheduled_tasks");
};
