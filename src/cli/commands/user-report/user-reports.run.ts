import type { UserReportListParams } from "../../../api/resources/user-reports.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { document, listIn, streamOf } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type { deleteParameters, listParameters, showParameters } from "./user-reports.ts";

export const listUserReports: RunFor<typeof listParameters> = async (context, { options }) => {
  const { from, limit } = options;
  const userId = options.userId === undefined ? undefined : await context.userId(options.userId);
  const targetUserId =
    options.targetUserId === undefined ? undefined : await context.userId(options.targetUserId);
  const params: UserReportListParams = {
    from,
    limit,
    dir: options.reverse ? "f" : "b",
    ...definedOnly({ userId, targetUserId }),
  };
  const { userReports } = await context.admin();
  if (!options.all) {
    const page = await userReports.list(params);
    if (page.next_token !== undefined)
      context.note(`More reports: use --from ${escapeTerminalText(String(page.next_token))}, or --all.`);
    return listIn(page, "user_reports");
  }
  // The first page comes first: its total is part of the document.
  const { page, items } = await userReports.list(params).withFirstPage();
  return streamOf("user_reports", items, { total: page.total });
};

export const showUserReport: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.admin()).userReports.get(args.reportId));

export const deleteUserReport: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
  const { userReports } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Delete user report ${args.reportId}`,
    () => userReports.delete(args.reportId),
  );
  return result ? document(result) : undefined;
};
