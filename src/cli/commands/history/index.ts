import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { purgeCommand, purgeStatusCommand } from "./purge-history.ts";

export const historyGroup: GroupSpec = defineGroup({
  name: "history",
  summary: "Purge old events of a room from the database.",
  commands: [purgeCommand, purgeStatusCommand],
});
