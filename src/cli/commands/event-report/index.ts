import {
  argument,
  defineGroup,
  defineParameters,
  flag,
  option,
  optionWithDefault,
} from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

export const listParameters = defineParameters({
  options: {
    from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset (next_token).", 0),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Reports per page.", 100),
    reverse: flag("--reverse, --oldest-first", "Oldest reports first (default: newest first)."),
    userId: option("-u, --user-id", text, "Reports made by this user."),
    roomId: option("-r, --room-id", text, "Reports of events in this room."),
    sender: option("-s, --sender", text, "Reports of events sent by this user."),
  },
  args: {},
});
export const reportParameters = defineParameters({
  options: {},
  args: { reportId: argument("REPORT_ID", integerAtLeast(0)) },
});
export const deleteParameters = defineParameters({
  options: { dryRun },
  args: { reportId: argument("REPORT_ID", integerAtLeast(0)) },
});

const run = () => import("./run.ts");
export const eventReportGroup = defineGroup({
  name: "event-report",
  summary: "List, show and delete reports users made about events.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List event reports, newest first.",
      ...listParameters,
      load: () => run().then((m) => ({ default: m.list })),
    }),
    defineCommand({
      name: "show",
      summary: "Show a report and the reported event.",
      ...reportParameters,
      load: () => run().then((m) => ({ default: m.show })),
    }),
    defineCommand({
      name: "delete",
      summary: "Delete a report.",
      ...deleteParameters,
      load: () => run().then((m) => ({ default: m.remove })),
    }),
  ],
});
