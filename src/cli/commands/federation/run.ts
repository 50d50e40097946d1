import { parseServerName } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { destinationParameters, listParameters, resetParameters, roomsParameters } from "./index.ts";

export const list: RunFor<typeof listParameters> = async (context, { options }) => {
  const result = await (await context.admin()).federation.destinations({
    from: options.from,
    limit: options.limit,
    ...(options.sort === undefined ? {} : { orderBy: options.sort }),
    ...(options.reverse ? { dir: "b" as const } : {}),
  });
  await context.print(result, result.destinations);
};

export const show: RunFor<typeof destinationParameters> = async (context, { args }) => {
  await context.print(
    await (await context.admin()).federation.destination(parseServerName(args.destination)),
  );
};

export const rooms: RunFor<typeof roomsParameters> = async (context, { options, args }) => {
  const result = await (await context.admin()).federation.destinationRooms(
    parseServerName(args.destination),
    {
      from: options.from,
      limit: options.limit,
      ...(options.reverse ? { dir: "b" as const } : {}),
    },
  );
  await context.print(result, result.rooms);
};

export const reset: RunFor<typeof resetParameters> = async (context, { options, args }) => {
  const destination = parseServerName(args.destination);
  const { federation } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Reset the connection backoff of ${destination}`,
    () => federation.resetConnection(destination),
  );
  if (result) await context.print(result);
};
