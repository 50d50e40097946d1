import { argument, defineParameters, flag, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { beforeOptions } from "../../runtime/options/before.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { noWaitOption } from "../../runtime/options/no-wait.ts";

// Purge History API: POST /_synapse/admin/v1/purge_history/<room_id>, GET .../purge_history_status/<purge_id>.

const ROOM = "'!abc:example.org'";

export const purgeParameters = defineParameters({
  options: {
    beforeEventId: option(
      "-i, --before-event-id",
      text,
      "Purge everything before this event ($abc; quote it for the shell).",
    ),
    ...beforeOptions("Purge events sent", { days: "-d, --before-days", date: "--before", ts: "--before-ts" }),
    deleteLocal: flag("--delete-local", "Also delete events sent by local users (kept by default)."),
    noWait: noWaitOption("purge"),
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

export const purgeCommand = defineCommand({
  name: "purge",
  summary: "Purge a room's events before an event or a time, following the purge to its end.",
  description:
    "Purge a room's history before an event or a time to reclaim disk space. Events of local users are kept " +
    "unless --delete-local; room state is always kept, and so is the last message. Asks first, then follows " +
    "the purge until it completes or fails, unless --no-wait.",
  ...purgeParameters,
  examples: [
    [`synadm history purge ${ROOM} -d 365`, "Purge a room's remote events older than a year"],
    [`synadm --batch history purge ${ROOM} --before 2024-01-01 --delete-local`, "Local users' events too"],
  ],
  load: () => import("./purge-history.run.ts").then((m) => m.purgeHistory),
});

export const purgeStatusCommand = defineCommand({
  name: "purge-status",
  summary: "Show the status of a history purge.",
  ...statusParameters,
  examples: [["synadm history purge-status OXyqtDGNjvHnBbZG", "Follow a purge started with --no-wait"]],
  load: () => import("./purge-history.run.ts").then((m) => m.historyPurgeStatus),
});
