import { defineGroup } from "../../framework/spec.ts";
import { listCommand } from "./scheduled-tasks.ts";

export const scheduledTasksGroup = defineGroup({
  name: "scheduled-tasks",
  summary: "List the server's scheduled tasks (room deletes, redactions...).",
  commands: [listCommand],
});
