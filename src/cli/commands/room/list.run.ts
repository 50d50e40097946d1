import type { RoomListParams } from "../../../api/resources/rooms.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { listIn, streamOf } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type { listParameters, searchParameters } from "./list.ts";

/** The room list's parameters from the paging options (see `roomPagingOptions`), as synadm sends them. */
export function roomListParams({
  from,
  limit,
  orderBy,
  reverse,
}: {
  from: number;
  limit: number;
  orderBy: RoomListParams["orderBy"];
  reverse: boolean;
}): RoomListParams {
  return { from, limit, ...definedOnly({ orderBy }), ...(reverse ? { dir: "b" as const } : {}) };
}

async function roomPage(context: CommandContext, params: RoomListParams) {
  const page = await (await context.admin()).rooms.listPage(params);
  if (page.next_batch !== undefined)
    context.note(
      `More rooms: use --from ${escapeTerminalText(String(page.next_batch))} (total ${page.total_rooms}).`,
    );
  return listIn(page, "rooms");
}

export const listRooms: RunFor<typeof listParameters> = async (context, { options }) => {
  const { searchTerm, emptyRooms, publicRooms } = options;
  const params: RoomListParams = {
    ...roomListParams(options),
    ...definedOnly({ searchTerm, emptyRooms, publicRooms }),
  };
  if (!options.all) return roomPage(context, params);
  // The first page comes first: its total is part of the document.
  const { page, items } = await (await context.admin()).rooms.list(params).withFirstPage();
  return streamOf("rooms", items, { offset: options.from, total_rooms: page.total_rooms });
};

export const searchRooms: RunFor<typeof searchParameters> = async (context, { options, args }) =>
  roomPage(context, { ...roomListParams(options), searchTerm: args.searchTerm });
