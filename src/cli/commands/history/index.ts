import { argument, defineGroup, defineParameters, flag, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { beforeOptions } from "../../runtime/options/before.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

export const purgeParameters = defineParameters({
  options: {
    beforeEventId: option(
      "-i, --before-event-id",
      text,
      "Purge everything before this event ($abc; quote it for the shell).",
    ),
    ...beforeOptions("Purge events sent", { days: "-d, --before-days", date: "--before", ts: "--before-ts" }),
    deleteLocal: flag("--delete-local", "Also delete events sent by local users (kept by default)."),
    noWait: flag("--no-wait", "Print the purge ID and return at once instead of following the purge."),
    dryRun,
  },
  args: { roomId: argument("ROOM_ID", text) },
  rules: {
    exclusive: [["beforeEventId", "beforeDays", "before", "beforeTs"]],
    requireOne: [["beforeEventId", "beforeDays", "before", "beforeTs"]],
    sections: [
      {
        title: "Purge before [mutually_exclusive, required]",
        options: ["beforeEventId", "beforeDays", "before", "beforeTs"],
      },
    ],
  },
});
export const statusParameters = defineParameters({
  options: {},
  args: { purgeId: argument("PURGE_ID", text) },
});

export const historyGroup = defineGroup({
  name: "history",
  summary: "Purge old events of a room from the database.",
  commands: [
    defineCommand({
      name: "purge",
      summary: "Purge a room's events before an event or a time, following the purge to its end.",
      description:
        "Purge a room's history before an event or a time to reclaim disk space. Events of local users are kept " +
        "unless --delete-local; room state is always kept, and so is the last message. Asks first, then follows " +
        "the purge until it completes or fails, unless --no-wait.",
      ...purgeParameters,
      load: () => import("./run.ts").then((m) => ({ default: m.purge })),
    }),
    defineCommand({
      name: "purge-status",
      summary: "Show the status of a history purge.",
      ...statusParameters,
      load: () => import("./run.ts").then((m) => ({ default: m.purgeStatus })),
    }),
  ],
});
