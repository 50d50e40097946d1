import { argument, defineParameters, option } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { allPagesOption, pagingOptions, reverseOption } from "../../runtime/options/paging.ts";

// User reports (Synapse 1.152, in its source rather than its docs):
// GET /_synapse/admin/v1/user_reports, GET and DELETE .../user_reports/<report_id>.

export const listParameters = defineParameters({
  options: {
    ...pagingOptions("Reports"),
    reverse: reverseOption("--reverse, --oldest-first", "Oldest reports first (default: newest first)."),
    userId: option("-u, --user-id", text, "Reports made by this user."),
    targetUserId: option("-t, --target", text, "Reports about this user."),
    all: allPagesOption("report"),
    datetime: listTimes,
  },
  args: {},
});
const reportId = argument("REPORT_ID", integerAtLeast(0));
export const showParameters = defineParameters({ options: { datetime: listTimes }, args: { reportId } });
export const deleteParameters = defineParameters({ options: { dryRun }, args: { reportId } });

export const listCommand = defineCommand({
  name: "list",
  summary: "List user reports, newest first.",
  description:
    "List the reports users made about other users (with the client API's report-user endpoint). " +
    "A localpart given to -u or -t is completed with the server name.",
  ...listParameters,
  examples: [
    ["synadm user-report list -t mallory", "The reports about one user"],
    ["synadm -o ndjson user-report list --all", "Every report, one JSON object a line"],
  ],
  load: () => import("./user-reports.run.ts").then((m) => m.listUserReports),
});

export const showCommand = defineCommand({
  name: "show",
  summary: "Show a user report.",
  ...showParameters,
  examples: [["synadm user-report show 7", "Who reported whom in report 7, when and why"]],
  load: () => import("./user-reports.run.ts").then((m) => m.showUserReport),
});

export const deleteCommand = defineCommand({
  name: "delete",
  summary: "Delete a user report.",
  ...deleteParameters,
  examples: [["synadm user-report delete 7", "Remove a report you have dealt with"]],
  load: () => import("./user-reports.run.ts").then((m) => m.deleteUserReport),
});
