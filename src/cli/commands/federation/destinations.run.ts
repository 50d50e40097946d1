import { parseServerName } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import type {
  destinationParameters,
  listParameters,
  resetParameters,
  roomsParameters,
} from "./destinations.ts";

export const listDestinations: RunFor<typeof listParameters> = async (context, { options }) => {
  const { reverse, datetime: _shownByTheRuntime, ...params } = options;
  const result = await (await context.admin()).federation.destinations({
    ...definedOnly(params),
    ...(reverse ? { dir: "b" as const } : {}),
  });
  return listIn(result, "destinations");
};

export const showDestination: RunFor<typeof destinationParameters> = async (context, { args }) =>
  document(await (await context.admin()).federation.destination(parseServerName(args.destination)));

export const destinationRooms: RunFor<typeof roomsParameters> = async (context, { options, args }) => {
  const result = await (await context.admin()).federation.destinationRooms(
    parseServerName(args.destination),
    {
      from: options.from,
      limit: options.limit,
      ...(options.reverse ? { dir: "b" as const } : {}),
    },
  );
  return listIn(result, "rooms");
};

export const resetDestination: RunFor<typeof resetParameters> = async (context, { options, args }) => {
  const destination = parseServerName(args.destination);
  const { federation } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Reset the connection backoff of ${destination}`,
    () => federation.resetConnection(destination),
  );
  return result ? document(result) : undefined;
};
