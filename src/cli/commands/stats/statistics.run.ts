import { ServerError } from "../../../api/errors.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
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

export const roomSizes: RunFor<typeof roomSizesParameters> = async (context) => {
  const admin = await context.admin();
  try {
    return listIn(await admin.statistics.databaseRooms(), "rooms");
  } catch (error) {
    // Synapse (1.160) estimates from PostgreSQL's statistics on room_id of each event table and
    // fails with a bare 500 where there are none: a table not analyzed yet, and event_edges on
    // every database created since Synapse 1.62, which no longer writes that column.
    if (error instanceof ServerError && error.status === 500)
      throw new CliError(
        `${error.message}: a known Synapse bug: the estimate needs PostgreSQL statistics on room_id of each ` +
          "event table, which a table not analyzed yet lacks (run ANALYZE) and event_edges lacks on every " +
          "database created by Synapse 1.62 or later (it no longer writes that column); nothing else is wrong",
        ExitCode.failed,
      );
    throw error;
  }
};
