import { MEDIA_USAGE_ORDERS } from "../../../api/resources/statistics.ts";
import { defineGroup, defineParameters, flag, option, optionWithDefault } from "../../framework/spec.ts";
import { choice, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const mediaUsageParameters = defineParameters({
  options: {
    from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset (next_token).", 0),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Users per page.", 100),
    sort: option("-s, --sort", choice(MEDIA_USAGE_ORDERS), "Sort by this field (default user_id)."),
    reverse: flag("-r, --reverse", "Reverse the order."),
    since: option("--since", text, "Only media uploaded since this time (date, epoch ms or 30d)."),
    until: option("--until", text, "Only media uploaded until this time."),
    search: option("-n, --search", text, "Only users whose localpart or display name contains this."),
  },
  args: {},
});
export const roomSizesParameters = defineParameters({ options: {}, args: {} });

const run = () => import("./run.ts");
export const statsGroup = defineGroup({
  name: "stats",
  summary: "Server statistics: media usage per user, database size per room.",
  commands: [
    defineCommand({
      name: "media-usage",
      summary: "Media uploaded per user (human: a table, largest first).",
      ...mediaUsageParameters,
      load: () => run().then((m) => ({ default: m.mediaUsage })),
    }),
    defineCommand({
      name: "room-sizes",
      summary: "The rooms taking the most database space (PostgreSQL only).",
      ...roomSizesParameters,
      load: () => run().then((m) => ({ default: m.roomSizes })),
    }),
  ],
});
