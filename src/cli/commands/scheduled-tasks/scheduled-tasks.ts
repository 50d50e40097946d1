import { SCHEDULED_TASK_STATUSES } from "../../../api/resources/scheduled-tasks.ts";
import { defineParameters, option, repeatable } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";

export const listParameters = defineParameters({
  options: {
    actionName: repeatable(
      "-a, --action",
      text,
      "Only tasks of this action, e.g. shutdown_and_purge_room; repeat it for several (Synapse 1.160+).",
    ),
    resourceId: option("-r, --resource", text, "Only tasks on this resource, e.g. a room ID."),
    status: repeatable(
      "-s, --status",
      choice(SCHEDULED_TASK_STATUSES),
      "Only tasks in this state; repeat it for several (Synapse 1.160+).",
    ),
    before: option("--before", text, "Only tasks timestamped before this time."),
    datetime: listTimes,
  },
  args: {},
});

export const listCommand = defineCommand({
  name: "list",
  summary: "List scheduled tasks.",
  ...listParameters,
  examples: [
    ["synadm scheduled-tasks list -s failed", "Tasks that failed"],
    [
      "synadm scheduled-tasks list -a shutdown_and_purge_room -s scheduled -s active",
      "Room deletes waiting or running",
    ],
  ],
  load: () => import("./scheduled-tasks.run.ts").then((m) => m.listScheduledTasks),
});
