import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { deleteCommand, listCommand, showCommand } from "./user-reports.ts";

export const userReportGroup: GroupSpec = defineGroup({
  name: "user-report",
  summary: "List, show and delete reports users made about other users.",
  commands: [listCommand, showCommand, deleteCommand],
});
