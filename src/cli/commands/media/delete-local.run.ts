import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { UsageError } from "../../runtime/errors.ts";
import { beforeTime } from "../../runtime/options/before.ts";
import { document } from "../../runtime/output/result.ts";
import type { deleteParameters } from "./delete-local.ts";
import { mediaRef } from "./media-ids.ts";

export const deleteMedia: RunFor<typeof deleteParameters> = async (context, { options }) => {
  const { media } = await context.admin();
  if (options.mediaId !== undefined) {
    const ref = await mediaRef(context, { mediaId: options.mediaId });
    const result = await changeAfterConfirmation(
      context,
      options.dryRun,
      `Delete mxc://${ref.serverName}/${ref.mediaId}`,
      () => media.delete(ref),
    );
    return result ? document(result) : undefined;
  }
  const before = beforeTime(options);
  if (before === undefined) throw new UsageError("give a media ID or a time");
  const sizeGt = options.size === undefined ? undefined : options.size * 1024;
  const what =
    `Delete local media last accessed before ${new Date(before).toISOString()}` +
    (sizeGt === undefined ? "" : ` and larger than ${options.size} KiB`) +
    (options.deleteProfiles ? ", avatars included" : " (avatars kept)");
  // Synapse deletes all of it in one request; the engine still gives it the shared
  // rate-limit handling (a limited request is tried again, not lost), the preview and the confirmation.
  return runBulkCommand(context, {
    command: "media delete",
    identity: { before, sizeGt, deleteProfiles: options.deleteProfiles },
    itemField: "criteria",
    noun: "request(s)",
    question: () => `${what}?`,
    selectItems: async () => [what],
    perform: async (_what, signal) => ({
      ...(await media.deleteOld(
        {
          beforeTs: before,
          keepProfiles: !options.deleteProfiles,
          ...(sizeGt === undefined ? {} : { sizeGt }),
        },
        { signal },
      )),
    }),
    options: { ...options, concurrency: 1, resume: false, restart: false },
    resumable: false,
    // As synadm: Synapse's answer (the deleted media and their count).
    synadmDocument: (summary) => {
      if (summary.dry_run || !summary.done[0]) return summary;
      const { criteria: _criteria, ...answer } = summary.done[0];
      return answer;
    },
  });
};
