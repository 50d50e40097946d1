import { parseEventId } from "../../../api/ids.ts";
import type { RoomListParams } from "../../../api/resources/rooms.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type {
  contextParameters,
  deleteStatusParameters,
  hierarchyParameters,
  listParameters,
  messagesParameters,
  resolveParameters,
  roomOnlyParameters,
  searchParameters,
  timestampParameters,
} from "./index.ts";
import { parseRoomId, parseRoomIdOrAlias } from "./room-ids.ts";

type RoomOnly = RunFor<typeof roomOnlyParameters>;

/** The room list's parameters from the shared paging options, as synadm sends them. */
export function roomListParams(options: {
  from: number;
  limit: number;
  sort: RoomListParams["orderBy"];
  reverse: boolean;
}): RoomListParams {
  return {
    from: options.from,
    limit: options.limit,
    ...(options.sort === undefined ? {} : { orderBy: options.sort }),
    ...(options.reverse ? { dir: "b" as const } : {}),
  };
}

async function printRoomPage(context: CommandContext, params: RoomListParams): Promise<void> {
  const page = await (await context.admin()).rooms.listPage(params);
  if (page.next_batch !== undefined)
    context.note(
      `More rooms: use --from ${escapeTerminalText(String(page.next_batch))} (total ${page.total_rooms}).`,
    );
  await context.print(page, page.rooms);
}

export const list: RunFor<typeof listParameters> = async (context, { options }) => {
  const params: RoomListParams = {
    ...roomListParams(options),
    ...(options.name === undefined ? {} : { searchTerm: options.name }),
    ...(options.empty === undefined ? {} : { emptyRooms: options.empty }),
    ...(options.public === undefined ? {} : { publicRooms: options.public }),
  };
  if (!options.all) {
    await printRoomPage(context, params);
    return;
  }
  const pages = (await context.admin()).rooms.list(params).pages();
  const first = await pages.next();
  async function* rooms() {
    if (first.done) return;
    yield* first.value.rooms;
    for await (const page of pages) yield* page.rooms;
  }
  const total = first.done ? 0 : first.value.total_rooms;
  const { printStreamedList } = await import("../../runtime/output/stream.ts");
  await printStreamedList(context.output, await context.outputFormat(), "rooms", rooms(), {
    offset: options.from,
    total_rooms: total,
  });
};

export const search: RunFor<typeof searchParameters> = async (context, { options, args }) => {
  await printRoomPage(context, { ...roomListParams(options), searchTerm: args.searchTerm });
};

export const details: RoomOnly = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  await context.print(await (await context.admin()).rooms.get(roomId));
};

export const state: RoomOnly = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  const result = await (await context.admin()).rooms.state(roomId);
  await context.print(result, result.state);
};

export const members: RoomOnly = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  const result = await (await context.admin()).rooms.members(roomId);
  await context.print(result, result.members);
};

export const blockStatus: RoomOnly = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  await context.print(await (await context.admin()).rooms.blockStatus(roomId));
};

export const resolve: RunFor<typeof resolveParameters> = async (context, { options, args }) => {
  const admin = await context.admin();
  if (options.reverse) {
    await context.print(await admin.matrix.roomAliases(parseRoomId(args.room)));
    return;
  }
  const target = parseRoomIdOrAlias(args.room);
  if (!target.startsWith("#"))
    throw new UsageError(`"${args.room}" is a room ID; give an alias, or -r to list its aliases`);
  // synadm prints just the room ID, as a JSON string.
  await context.print((await admin.rooms.resolveAlias(target)).room_id);
};

export const deleteStatus: RunFor<typeof deleteStatusParameters> = async (context, { options }) => {
  const admin = await context.admin();
  if (options.roomId !== undefined) {
    await context.print(await admin.rooms.deleteStatusOfRoom(parseRoomId(options.roomId)));
  } else {
    await context.print(await admin.rooms.deleteStatus(options.deleteId!));
  }
};

export const messages: RunFor<typeof messagesParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  let filter: unknown;
  if (options.filter !== undefined) {
    try {
      filter = JSON.parse(options.filter);
    } catch (error) {
      throw new UsageError(`--filter is not valid JSON: ${(error as Error).message}`);
    }
  }
  const page = await (await context.admin()).rooms.messages(roomId, {
    limit: options.limit,
    dir: options.backwards ? "b" : "f",
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(filter === undefined ? {} : { filter }),
  });
  if (page.end !== undefined) context.note(`Next page: --from ${escapeTerminalText(String(page.end))}`);
  await context.print(page, page.chunk);
};

export const context: RunFor<typeof contextParameters> = async (ctx, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const eventId = parseEventId(args.eventId);
  await ctx.print(await (await ctx.admin()).rooms.eventContext(roomId, eventId, { limit: options.limit }));
};

export const timestampToEvent: RunFor<typeof timestampParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const ts = parseTimeSpec(args.time);
  await context.print(
    await (await context.admin()).rooms.timestampToEvent(roomId, ts, options.backwards ? "b" : "f"),
  );
};

export const hierarchy: RunFor<typeof hierarchyParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const result = await (await context.admin()).rooms.hierarchy(roomId, {
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
  });
  await context.print(result, result.rooms);
};

export const forwardExtremities: RoomOnly = async (context, { args }) => {
  const room = parseRoomIdOrAlias(args.roomId);
  await context.print(await (await context.admin()).rooms.forwardExtremities(room));
};

export const media: RoomOnly = async (context, { args }) => {
  const roomId = parseRoomId(args.roomId);
  await context.print(await (await context.admin()).rooms.media(roomId));
};
