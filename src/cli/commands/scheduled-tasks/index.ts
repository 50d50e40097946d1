import { SCHEDULED_TASK_STATUSES } from "../../../api/resources/scheduled-tasks.ts";
import { defineGroup, defineParameters, option } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const listParameters = defineParameters({
  options: {
    action: option("-a, --action", text, "Only tasks of this action, e.g. shutdown_and_purge_room."),
    resource: option("-r, --resource", text, "Only tasks on this resource, e.g. a room ID."),
    status: option("-s, --status", choice(SCHEDULED_TASK_STATUSES), "Only tasks in this state."),
    before: option("--before", text, "Only tasks timestamped before this time."),
  },
  args: {},
});

export const scheduledTasksGroup = defineGroup({
  name: "scheduled-tasks",
  summary: "List the server's scheduled tasks (room deletes, redactions...).",
  commands: [
    defineCommand({
      name: "list",
      summary: "List scheduled tasks.",
      ...listParameters,
      load: () => import("./run.ts"),
    }),
  ],
});
