import { parseMediaId, parseRoomId } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import { mediaRef } from "./media-ids.ts";
import type {
  changesParameters,
  protectParameters,
  quarantineParameters,
  unquarantineParameters,
} from "./quarantine.ts";

export const quarantineMedia: RunFor<typeof quarantineParameters> = async (context, { options }) => {
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
      return result ? document(result) : undefined;
    }
    const userId = await context.userId(options.userId!);
    const result = await changeAfterConfirmation(
      context,
      options.dryRun,
      `Quarantine every media file uploaded by ${userId}`,
      () => admin.media.quarantineUserMedia(userId),
      "when-configured",
    );
    return result ? document(result) : undefined;
  }
  const ref = await mediaRef(context, options);
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Quarantine mxc://${ref.serverName}/${ref.mediaId}`,
    () => admin.media.quarantine(ref),
    "when-configured",
  );
  return result ? document(result) : undefined;
};

export const unquarantineMedia: RunFor<typeof unquarantineParameters> = async (context, { options }) => {
  const ref = await mediaRef(context, options);
  return document(await (await context.admin()).media.unquarantine(ref));
};

export const mediaQuarantineChanges: RunFor<typeof changesParameters> = async (context, { options }) =>
  listIn(await (await context.admin()).media.quarantineChanges({ from: options.from }), "changes");

export const protectMedia: RunFor<typeof protectParameters> = async (context, { args }) =>
  document(await (await context.admin()).media.protect(parseMediaId(args.mediaId)));

export const unprotectMedia: RunFor<typeof protectParameters> = async (context, { args }) =>
  document(await (await context.admin()).media.unprotect(parseMediaId(args.mediaId)));
