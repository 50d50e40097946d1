import { MEDIA_USAGE_ORDERS } from "../../../api/resources/statistics.ts";
import { defineParameters, option } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { pagingOptions, reverseOption } from "../../runtime/options/paging.ts";

export const mediaUsageParameters = defineParameters({
  options: {
    ...pagingOptions("Users"),
    orderBy: option("-s, --sort", choice(MEDIA_USAGE_ORDERS), "Sort by this field (default user_id)."),
    reverse: reverseOption(),
    since: option("--since", text, "Only media uploaded since this time (date, epoch ms or 30d)."),
    until: option("--until", text, "Only media uploaded until this time."),
    searchTerm: option("-n, --search", text, "Only users whose localpart or display name contains this."),
    datetime: listTimes,
  },
  args: {},
});
export const roomSizesParameters = defineParameters({ options: { datetime: listTimes }, args: {} });

export const mediaUsageCommand = defineCommand({
  name: "media-usage",
  summary: "Media uploaded per user (human: a table, largest first).",
  ...mediaUsageParameters,
  examples: [
    ["synadm stats media-usage -s media_length -r -l 10", "The ten users whose uploads take the most space"],
  ],
  load: () => import("./statistics.run.ts").then((m) => m.mediaUsage),
});

export const roomSizesCommand = defineCommand({
  name: "room-sizes",
  summary: "The rooms taking the most database space (PostgreSQL only).",
  ...roomSizesParameters,
  examples: [["synadm stats room-sizes", "The rooms taking the most database space"]],
  load: () => import("./statistics.run.ts").then((m) => m.roomSizes),
});
