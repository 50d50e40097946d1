import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { listParameters } from "./index.ts";

const run: RunFor<typeof listParameters> = async (context, { options }) => {
  const result = await (await context.admin()).scheduledTasks.list({
    ...(options.action === undefined ? {} : { actionName: options.action }),
    ...(options.resource === undefined ? {} : { resourceId: options.resource }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.before === undefined ? {} : { maxTimestamp: parseTimeSpec(options.before) }),
  });
  await context.print(result, result.scheduled_tasks);
};
export default run;
