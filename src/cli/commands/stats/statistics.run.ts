import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { listIn } from "../../runtime/output/result.ts";
import type { mediaUsageParameters, roomSizesParameters } from "./statistics.ts";

export const mediaUsage: RunFor<typeof mediaUsageParameters> = async (context, { options }) => {
  const { reverse, since, until, datetime: _shownByTheRuntime, ...params } = options;
  const result = await (await context.admin()).statistics.usersMedia({
    ...definedOnly(params),
    ...(reverse ? { dir: "b" as const } : {}),
    ...(since === undefined ? {} : { fromTs: parseTimeSpec(since) }),
    ...(until === undefined ? {} : { untilTs: parseTimeSpec(until) }),
  });
  // The table an admin wants: who uses the most space, first.
  const bySize = [...result.users].sort((a, b) => b.media_length - a.media_length);
  return listIn(result, "users", { human: bySize });
};

export const roomSizes: RunFor<typeof roomSizesParameters> = async (context) =>
  listIn(await (await context.admin()).statistics.databaseRooms(), "rooms");
