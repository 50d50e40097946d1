import { parseRoomId } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { deleteParameters, listParameters, reportParameters } from "./index.ts";

export const list: RunFor<typeof listParameters> = async (context, { options }) => {
  const userId = options.userId === undefined ? undefined : await context.userId(options.userId);
  const sender = options.sender === undefined ? undefined : await context.userId(options.sender);
  const result = await (await context.admin()).eventReports.list({
    from: options.from,
    limit: options.limit,
    dir: options.reverse ? "f" : "b",
    ...(userId === undefined ? {} : { userId }),
    ...(sender === undefined ? {} : { eventSenderUserId: sender }),
    ...(options.roomId === undefined ? {} : { roomId: parseRoomId(options.roomId) }),
  });
  await context.print(result, result.event_reports);
};

export const show: RunFor<typeof reportParameters> = async (context, { args }) => {
  await context.print(await (await context.admin()).eventReports.get(args.reportId));
};

export const remove: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
  const { eventReports } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Delete event report ${args.reportId}`,
    () => eventReports.delete(args.reportId),
  );
  if (result) await context.print(result);
};
