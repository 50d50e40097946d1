import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { deleteCommand, listCommand, showCommand } from "./event-reports.ts";

export const eventReportGroup: GroupSpec = defineGroup({
  name: "event-report",
  summary: "List, show and delete reports users made about events.",
  commands: [listCommand, showCommand, deleteCommand],
});
