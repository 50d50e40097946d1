import type { RunFor } from "../../runtime/command.ts";
import { confirmOrStop } from "../../runtime/confirm.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type { deleteMediaParameters, mediaParameters } from "./media.ts";

export const userMedia: RunFor<typeof mediaParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { from, limit, orderBy } = options;
  const page = await (await context.admin()).users.mediaPage(userId, {
    ...definedOnly({ from, limit, orderBy }),
    ...(options.reverse ? { dir: "b" as const } : {}),
  });
  if (page.next_token !== undefined)
    context.note(
      `More media: use --from ${escapeTerminalText(String(page.next_token))} (total ${page.total}).`,
    );
  return listIn(page, "media", { timeFields: ["created_ts", "last_access_ts"] });
};

export const deleteUserMedia: RunFor<typeof deleteMediaParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const { total } = await users.mediaPage(userId, { limit: 1 });
  context.note(`${userId} has uploaded ${total} media file(s).`);
  if (options.dryRun || total === 0) {
    if (options.dryRun) context.note(`Would delete ${total} media file(s).`);
    return document({ deleted_media: [], total: 0 });
  }
  await confirmOrStop(context, `Delete all ${total} media file(s) uploaded by ${userId}?`);
  // The endpoint deletes one page at a time; repeat until nothing is left.
  const deleted: string[] = [];
  for (;;) {
    const page = await users.deleteMedia(userId, { limit: 500 });
    deleted.push(...page.deleted_media);
    if (page.deleted_media.length === 0) break;
  }
  return document({ deleted_media: deleted, total: deleted.length });
};
