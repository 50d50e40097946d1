import { SCHEDULED_TASK_STATUSES } from "../../../api/resources/scheduled-tasks.ts";
import { defineParameters, option } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";

export const listParameters = defineParameters({
  options: {
    actionName: option("-a, --action", text, "Only tasks of this action, e.g. shutdown_and_purge_room."),
    resourceId: option("-r, --resource", text, "Only tasks on this resource, e.g. a room ID."),
    status: option("-s, --status", choice(SCHEDULED_TASK_STATUSES), "Only tasks in this state."),
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
    ["synadm scheduled-tasks list -a shutdown_and_purge_room -s active", "Room deletes running now"],
  ],
  load: () => import("./scheduled-tasks.run.ts").then((m) => m.listScheduledTasks),
});
