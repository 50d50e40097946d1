import { argument, defineParameters, option } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { pagingOptions, reverseOption } from "../../runtime/options/paging.ts";

// Event Reports API: GET /_synapse/admin/v1/event_reports, GET and DELETE .../event_reports/<report_id>.

export const listParameters = defineParameters({
  options: {
    ...pagingOptions("Reports"),
    reverse: reverseOption("--reverse, --oldest-first", "Oldest reports first (default: newest first)."),
    userId: option("-u, --user-id", text, "Reports made by this user."),
    roomId: option("-r, --room-id", text, "Reports of events in this room."),
    eventSenderUserId: option("-s, --sender", text, "Reports of events sent by this user."),
    datetime: listTimes,
  },
  args: {},
});
const reportId = argument("REPORT_ID", integerAtLeast(0));
export const showParameters = defineParameters({ options: {}, args: { reportId } });
export const deleteParameters = defineParameters({ options: { dryRun }, args: { reportId } });

export const listCommand = defineCommand({
  name: "list",
  summary: "List event reports, newest first.",
  ...listParameters,
  examples: [
    ["synadm event-report list -l 20", "The 20 newest reports"],
    ["synadm event-report list -r '!abc:example.org'", "The reports about one room"],
  ],
  load: () => import("./event-reports.run.ts").then((m) => m.listEventReports),
});

export const showCommand = defineCommand({
  name: "show",
  summary: "Show a report and the reported event.",
  ...showParameters,
  examples: [["synadm event-report show 42", "Report 42 and the event it is about"]],
  load: () => import("./event-reports.run.ts").then((m) => m.showEventReport),
});

export const deleteCommand = defineCommand({
  name: "delete",
  summary: "Delete a report.",
  ...deleteParameters,
  examples: [["synadm event-report delete 42", "Remove a report you have dealt with"]],
  load: () => import("./event-reports.run.ts").then((m) => m.deleteEventReport),
});
