import { DESTINATION_ORDERS } from "../../../api/resources/federation.ts";
import {
  argument,
  defineGroup,
  defineParameters,
  flag,
  option,
  optionWithDefault,
} from "../../framework/spec.ts";
import { choice, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

const paging = {
  from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset (next_token).", 0),
  limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Entries per page.", 100),
  reverse: flag("-r, --reverse", "Reverse the order."),
};
export const listParameters = defineParameters({
  options: { ...paging, sort: option("-s, --sort", choice(DESTINATION_ORDERS), "Sort by this field.") },
  args: {},
});
const destination = argument("DESTINATION", text, "A remote server name.");
export const destinationParameters = defineParameters({ options: {}, args: { destination } });
export const roomsParameters = defineParameters({ options: paging, args: { destination } });
export const resetParameters = defineParameters({
  options: { dryRun },
  args: { destination },
});

const run = () => import("./run.ts");
export const federationGroup = defineGroup({
  name: "federation",
  summary: "Inspect the servers this one federates with, and retry failing ones.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List federation destinations.",
      ...listParameters,
      load: () => run().then((m) => ({ default: m.list })),
    }),
    defineCommand({
      name: "show",
      summary: "Show a destination's retry state.",
      ...destinationParameters,
      load: () => run().then((m) => ({ default: m.show })),
    }),
    defineCommand({
      name: "rooms",
      summary: "List the rooms shared with a destination.",
      ...roomsParameters,
      load: () => run().then((m) => ({ default: m.rooms })),
    }),
    defineCommand({
      name: "reset",
      summary: "Retry a failing destination now.",
      ...resetParameters,
      load: () => run().then((m) => ({ default: m.reset })),
    }),
  ],
});
