import { parseRoomId } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import { mediaRef } from "./media-ids.ts";
import type { infoParameters, listParameters } from "./query.ts";

// What synadm's --datetime converts in a user's media.
const USER_MEDIA_TIMES = ["created_ts", "last_access_ts"];

export const listMedia: RunFor<typeof listParameters> = async (context, { options }) => {
  const admin = await context.admin();
  if (options.roomId !== undefined) return document(await admin.rooms.media(parseRoomId(options.roomId)));
  const userId = await context.userId(options.userId!);
  const { from, limit, orderBy } = options;
  const page = await admin.users.mediaPage(userId, {
    ...definedOnly({ from, limit, orderBy }),
    ...(options.reverse ? { dir: "b" as const } : {}),
  });
  return listIn(page, "media", { timeFields: USER_MEDIA_TIMES });
};

export const mediaInfo: RunFor<typeof infoParameters> = async (context, { options, args }) => {
  const ref = args.media.startsWith("mxc://")
    ? await mediaRef(context, { mxcUri: args.media })
    : await mediaRef(context, { mediaId: args.media, serverName: options.serverName });
  return document(await (await context.admin()).media.info(ref));
};
