import { NotFoundError } from "../../../api/errors.ts";
import type { RoomId } from "../../../api/ids.ts";
import { type RoomDeleteOptions, type RoomsResource, roomDeleteBody } from "../../../api/resources/rooms.ts";
import { readItemList } from "../../runtime/bulk/read-items.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { confirmOrStop } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { followJob } from "../../runtime/follow-job.ts";
import { document } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type {
  deleteManyParameters,
  deleteParameters,
  deleteStatusParameters,
  purgeEmptyParameters,
} from "./delete.ts";
import { parseRoomId } from "./room-ids.ts";

/** The delete options `room delete` and `room delete-many` share, as given on the command line. */
interface DeletionChoices {
  readonly block: boolean;
  readonly noPurge: boolean;
  readonly forcePurge: boolean;
  readonly newRoomUserId: string | undefined;
  readonly roomName: string | undefined;
  readonly message: string | undefined;
}

/** The body of a room delete from the command line's choices (a bare localpart becomes a full user ID). */
async function roomDeletion(context: CommandContext, choices: DeletionChoices): Promise<RoomDeleteOptions> {
  const deletion: RoomDeleteOptions = { block: choices.block, purge: !choices.noPurge };
  if (choices.newRoomUserId !== undefined)
    deletion.newRoomUserId = await context.userId(choices.newRoomUserId);
  if (choices.roomName !== undefined) deletion.roomName = choices.roomName;
  if (choices.message !== undefined) deletion.message = choices.message;
  if (choices.forcePurge) deletion.forcePurge = true;
  return deletion;
}

export const deleteRoom: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const deletion = await roomDeletion(context, options);

  const { rooms } = await context.admin();
  const [room, members] = await Promise.all([rooms.get(roomId), rooms.members(roomId)]);
  // The name, the alias and remote members' IDs are anyone's text: escaped, one line each.
  const name = room.name == null ? "(no name)" : escapeTerminalText(room.name);
  const alias = room.canonical_alias ? ` ${escapeTerminalText(room.canonical_alias)}` : "";
  const memberLines = members.members.map((member) => escapeTerminalText(member));
  context.note(
    `Room ${roomId}: ${name}${alias}, ` +
      `${room.joined_members} member(s) (${room.joined_local_members} local)` +
      (memberLines.length > 0 ? `:\n  ${memberLines.join("\n  ")}` : "."),
  );
  const what = `${options.noPurge ? "Delete" : "Delete and purge"}${options.block ? " and block" : ""} ${roomId}`;
  if (options.dryRun) {
    context.note(`Would: ${what} with ${JSON.stringify(roomDeleteBody(deletion))}.`);
    return;
  }
  await confirmOrStop(context, `${what}?`);

  if (options.v1) return document(await rooms.deleteNow(roomId, deletion));
  const job = await rooms.delete(roomId, deletion).started();
  return followJob(context, job, {
    label: "Room delete",
    idField: "delete_id",
    noWait: options.noWait,
    statusCommand: "synadm room delete-status -d ID",
  });
};

export const deleteManyRooms: RunFor<typeof deleteManyParameters> = async (context, { options, args }) => {
  const roomIds = await readItemList(context, args.file, parseRoomId);
  const deletion = await roomDeletion(context, options);
  const { rooms } = await context.admin();
  const what = `${options.noPurge ? "Delete" : "Delete and purge"}${options.block ? " and block" : ""}`;
  return runBulkCommand(context, {
    command: "room delete-many",
    identity: { roomIds, deletion: roomDeleteBody(deletion) },
    itemField: "room_id",
    noun: "room(s) to delete",
    question: (count) => `${what} these ${count} room(s)?`,
    selectItems: async () => roomIds,
    perform: async (roomId, signal) => {
      const job = await rooms.delete(roomId as RoomId, deletion, { signal }).started();
      const final = await job.wait({ signal });
      return { delete_id: job.id, status: final.status };
    },
    options,
  });
};

export const roomDeleteStatus: RunFor<typeof deleteStatusParameters> = async (context, { options }) => {
  const admin = await context.admin();
  return document(
    options.roomId !== undefined
      ? await admin.rooms.deleteStatusOfRoom(parseRoomId(options.roomId))
      : await admin.rooms.deleteStatus(options.deleteId!),
  );
};

/** Why a room chosen as having no local members is no longer to be purged, or `undefined` while it still is. */
async function noLongerEmpty(
  rooms: RoomsResource,
  roomId: RoomId,
  signal: AbortSignal,
): Promise<string | undefined> {
  try {
    const { joined_local_members: members } = await rooms.get(roomId, { signal });
    return members === 0
      ? undefined
      : `no longer empty: ${members} local member(s) joined since it was chosen`;
  } catch (error) {
    if (error instanceof NotFoundError) return "no longer exists";
    throw error;
  }
}

export const purgeEmptyRooms: RunFor<typeof purgeEmptyParameters> = async (context, { options }) => {
  const { rooms } = await context.admin();
  const deletion: RoomDeleteOptions = {
    block: false,
    purge: !options.noPurge,
    ...(options.forcePurge ? { forcePurge: true } : {}),
  };
  return runBulkCommand(context, {
    command: "room purge-empty",
    identity: { deletion: roomDeleteBody(deletion), v1: options.v1 },
    itemField: "room_id",
    noun: "room(s) without local members",
    question: (count) => `Delete${options.noPurge ? "" : " and purge"} these ${count} room(s)?`,
    selectItems: async () => {
      // Sorted by local members, fewest first: the walk stops at the first room in use.
      const empty: string[] = [];
      for await (const room of rooms.list({
        orderBy: "joined_local_members",
        dir: "b",
        limit: options.batchSize,
      })) {
        if (room.joined_local_members !== 0) break;
        empty.push(room.room_id);
      }
      return empty;
    },
    perform: async (roomId, signal, run) => {
      // Chosen as empty: a room someone joined since (a resumed run, a long one) is left alone.
      const inUse = await noLongerEmpty(rooms, roomId as RoomId, signal);
      if (inUse) return run.skip(inUse);
      if (options.v1) {
        await rooms.deleteNow(roomId as RoomId, deletion, { signal });
        return { status: "complete" };
      }
      const job = await rooms.delete(roomId as RoomId, deletion, { signal }).started();
      const final = await job.wait({ signal });
      return { delete_id: job.id, status: final.status };
    },
    options,
    // As synadm: the list of empty rooms on a dry run (the review before the real purge), else each delete's answer.
    synadmDocument: (summary) =>
      summary.dry_run ? summary.not_started : [...summary.done, ...summary.failed],
  });
};
