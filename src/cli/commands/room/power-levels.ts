import { defineParameters, flag, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";
import { roomNameOption, roomPagingOptions } from "./list.ts";

// The List Room API's rooms, each with the users of its m.room.power_levels (Room State API).

export const powerLevelsParameters = defineParameters({
  options: {
    roomId: option("-i, --room-id", text, "Only this room."),
    allDetails: flag(
      "-a, --all-details",
      "Show every field of each room, not only ID, name, alias and power levels.",
    ),
    ...roomPagingOptions(10),
    searchTerm: roomNameOption,
    concurrency: bulkOptions("State fetches").concurrency,
  },
  args: {},
});

export const powerLevelsCommand = defineCommand({
  name: "power-levels",
  summary: "List who has which power level in rooms.",
  description:
    "List rooms with the power levels their users have, from each room's state (fetched a few rooms at a " +
    "time). Shows ID, name, alias and power levels unless -a. In rooms of version 12 and later the " +
    "creators have unlimited power and are not in the power levels: they are listed under creators.",
  ...powerLevelsParameters,
  examples: [
    ["synadm room power-levels -n Staff", "Who has which power level in the rooms named like Staff"],
  ],
  load: () => import("./power-levels.run.ts").then((m) => m.roomPowerLevels),
});
