import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { mediaUsageParameters, roomSizesParameters } from "./index.ts";

export const mediaUsage: RunFor<typeof mediaUsageParameters> = async (context, { options }) => {
  const result = await (await context.admin()).statistics.usersMedia({
    from: options.from,
    limit: options.limit,
    ...(options.sort === undefined ? {} : { orderBy: options.sort }),
    ...(options.reverse ? { dir: "b" as const } : {}),
    ...(options.since === undefined ? {} : { fromTs: parseTimeSpec(options.since) }),
    ...(options.until === undefined ? {} : { untilTs: parseTimeSpec(options.until) }),
    ...(options.search === undefined ? {} : { searchTerm: options.search }),
  });
  // The table an admin wants: who uses the most space, first.
  const bySize = [...result.users].sort((a, b) => b.media_length - a.media_length);
  await context.print(result, bySize);
};

export const roomSizes: RunFor<typeof roomSizesParameters> = async (context) => {
  const result = await (await context.admin()).statistics.databaseRooms();
  await context.print(result, result.rooms);
};
