import { parseRoomId } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import type { deleteParameters, listParameters, showParameters } from "./event-reports.ts";

export const listEventReports: RunFor<typeof listParameters> = async (context, { options }) => {
  const { from, limit } = options;
  const userId = options.userId === undefined ? undefined : await context.userId(options.userId);
  const eventSenderUserId =
    options.eventSenderUserId === undefined ? undefined : await context.userId(options.eventSenderUserId);
  const roomId = options.roomId === undefined ? undefined : parseRoomId(options.roomId);
  const result = await (await context.admin()).eventReports.list({
    from,
    limit,
    dir: options.reverse ? "f" : "b",
    ...definedOnly({ userId, eventSenderUserId, roomId }),
  });
  return listIn(result, "event_reports");
};

export const showEventReport: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.admin()).eventReports.get(args.reportId));

export const deleteEventReport: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
  const { eventReports } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Delete event report ${args.reportId}`,
    () => eventReports.delete(args.reportId),
  );
  return result ? document(result) : undefined;
};
