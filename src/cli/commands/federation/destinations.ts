import { DESTINATION_ORDERS } from "../../../api/resources/federation.ts";
import { argument, defineParameters, option } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { pagingOptions, reverseOption } from "../../runtime/options/paging.ts";

const paging = { ...pagingOptions("Entries"), reverse: reverseOption() };
const destination = argument("DESTINATION", text, "A remote server name.");

export const listParameters = defineParameters({
  options: {
    ...paging,
    orderBy: option("-s, --sort", choice(DESTINATION_ORDERS), "Sort by this field."),
    datetime: listTimes,
  },
  args: {},
});
export const destinationParameters = defineParameters({ options: {}, args: { destination } });
export const roomsParameters = defineParameters({
  options: { ...paging, datetime: listTimes },
  args: { destination },
});
export const resetParameters = defineParameters({
  options: { dryRun },
  args: { destination },
});

const run = () => import("./destinations.run.ts");

export const listCommand = defineCommand({
  name: "list",
  summary: "List federation destinations.",
  ...listParameters,
  examples: [["synadm federation list -s failure_ts -r", "Destinations by the time they last failed"]],
  load: () => run().then((m) => m.listDestinations),
});

export const showCommand = defineCommand({
  name: "show",
  summary: "Show a destination's retry state.",
  ...destinationParameters,
  examples: [["synadm federation show matrix.org", "When matrix.org last failed and when it is retried"]],
  load: () => run().then((m) => m.showDestination),
});

export const roomsCommand = defineCommand({
  name: "rooms",
  summary: "List the rooms shared with a destination.",
  ...roomsParameters,
  examples: [["synadm federation rooms matrix.org", "The rooms this server shares with matrix.org"]],
  load: () => run().then((m) => m.destinationRooms),
});

export const resetCommand = defineCommand({
  name: "reset",
  summary: "Retry a failing destination now.",
  ...resetParameters,
  examples: [
    ["synadm federation reset chat.example.net", "Retry a server back online now, not after backoff"],
  ],
  load: () => run().then((m) => m.resetDestination),
});
