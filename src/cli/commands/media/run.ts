import { parseMediaId, parseMxcUri, parseRoomId, parseServerName } from "../../../api/ids.ts";
import type { MediaRef } from "../../../api/resources/media.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { beforeTime } from "../../runtime/options/before.ts";
import { keepEpochTimes, withLocalTimes } from "../../runtime/output/times.ts";
import type {
  changesParameters,
  deleteParameters,
  infoParameters,
  listParameters,
  mediaIdParameters,
  purgeParameters,
  quarantineParameters,
  unquarantineParameters,
} from "./index.ts";

/** The media an ID (on `serverName`, else this homeserver) or an mxc:// URI names. */
async function mediaRef(
  context: CommandContext,
  given: { mediaId?: string | undefined; mxcUri?: string | undefined; serverName?: string | undefined },
): Promise<MediaRef> {
  if (given.mxcUri !== undefined) return parseMxcUri(given.mxcUri);
  const mediaId = parseMediaId(given.mediaId!);
  const serverName =
    given.serverName === undefined ? await context.serverName() : parseServerName(given.serverName);
  return { serverName, mediaId };
}

export const list: RunFor<typeof listParameters> = async (context, { options }) => {
  const admin = await context.admin();
  if (options.roomId !== undefined) {
    await context.print(await admin.rooms.media(parseRoomId(options.roomId)));
    return;
  }
  const userId = await context.userId(options.userId!);
  const page = await admin.users.mediaPage(userId, {
    from: options.from,
    limit: options.limit,
    ...(options.sort === undefined ? {} : { orderBy: options.sort }),
    ...(options.reverse ? { dir: "b" as const } : {}),
  });
  const shown = options.datetime
    ? { ...page, media: withLocalTimes(page.media, ["created_ts", "last_access_ts"]) }
    : page;
  await context.print(shown, options.datetime ? shown.media : keepEpochTimes(shown.media));
};

export const info: RunFor<typeof infoParameters> = async (context, { options, args }) => {
  const ref = args.media.startsWith("mxc://")
    ? await mediaRef(context, { mxcUri: args.media })
    : await mediaRef(context, { mediaId: args.media, serverName: options.serverName });
  await context.print(await (await context.admin()).media.info(ref));
};

export const quarantine: RunFor<typeof quarantineParameters> = async (context, { options }) => {
  const admin = await context.admin();
  if (options.roomId !== undefined || options.userId !== undefined) {
    // synadm failed with "Media ID missing" here; a server name simply does not apply.
    if (options.serverName !== undefined)
      context.log.warn("--server-name applies to a media ID only; ignored");
    if (options.roomId !== undefined) {
      const roomId = parseRoomId(options.roomId);
      const result = await changeAfterConfirmation(
        context,
        options.dryRun,
        `Quarantine every media file of ${roomId}`,
        () => admin.rooms.quarantineMedia(roomId),
        "when-configured",
      );
      if (result) await context.print(result);
      return;
    }
    const userId = await context.userId(options.userId!);
    const result = await changeAfterConfirmation(
      context,
      options.dryRun,
      `Quarantine every media file uploaded by ${userId}`,
      () => admin.media.quarantineUserMedia(userId),
      "when-configured",
    );
    if (result) await context.print(result);
    return;
  }
  const ref = await mediaRef(context, options);
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Quarantine mxc://${ref.serverName}/${ref.mediaId}`,
    () => admin.media.quarantine(ref),
    "when-configured",
  );
  if (result) await context.print(result);
};

export const unquarantine: RunFor<typeof unquarantineParameters> = async (context, { options }) => {
  const ref = await mediaRef(context, options);
  await context.print(await (await context.admin()).media.unquarantine(ref));
};

export const quarantineChanges: RunFor<typeof changesParameters> = async (context, { options }) => {
  const result = await (await context.admin()).media.quarantineChanges(options.from);
  await context.print(result, result.changes);
};

export const protect: RunFor<typeof mediaIdParameters> = async (context, { args }) => {
  await context.print(await (await context.admin()).media.protect(parseMediaId(args.mediaId)));
};

export const unprotect: RunFor<typeof mediaIdParameters> = async (context, { args }) => {
  await context.print(await (await context.admin()).media.unprotect(parseMediaId(args.mediaId)));
};

export const purge: RunFor<typeof purgeParameters> = async (context, { options }) => {
  const before = beforeTime(options)!;
  const { media } = await context.admin();
  const action = `Purge cached remote media last accessed before ${new Date(before).toISOString()}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => media.purgeRemoteCache(before),
    "when-configured",
  );
  if (result) await context.print(result);
};

export const remove: RunFor<typeof deleteParameters> = async (context, { options }) => {
  const { media } = await context.admin();
  if (options.mediaId !== undefined) {
    const ref = await mediaRef(context, { mediaId: options.mediaId });
    const result = await changeAfterConfirmation(
      context,
      options.dryRun,
      `Delete mxc://${ref.serverName}/${ref.mediaId}`,
      () => media.delete(ref),
    );
    if (result) await context.print(result);
    return;
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
  await runBulkCommand(context, {
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
