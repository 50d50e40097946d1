import { NotFoundError } from "../../../api/errors.ts";
import type { RoomDeleteOptions, RoomsResource } from "../../../api/resources/rooms.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { purgeEmptyParameters } from "./index.ts";

/** Why a room chosen as having no local members is no longer to be purged, or `undefined` while it still is. */
async function noLongerEmpty(
  rooms: RoomsResource,
  roomId: string,
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

const run: RunFor<typeof purgeEmptyParameters> = async (context, { options }) => {
  const { rooms } = await context.admin();
  const deletion: RoomDeleteOptions = {
    block: false,
    purge: !options.noPurge,
    ...(options.forcePurge ? { force_purge: true } : {}),
  };
  await runBulkCommand(context, {
    command: "room purge-empty",
    identity: { deletion, v1: options.v1 },
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
      const inUse = await noLongerEmpty(rooms, roomId, signal);
      if (inUse) return run.skip(inUse);
      if (options.v1) {
        await rooms.deleteNow(roomId, deletion, { signal });
        return { status: "complete" };
      }
      const job = await rooms.delete(roomId, deletion, { signal });
      const final = await job.wait({ signal });
      return { delete_id: job.id, status: final.status };
    },
    options,
    // As synadm: the list of empty rooms on a dry run (the review before the real purge), else each delete's answer.
    synadmDocument: (summary) =>
      summary.dry_run ? summary.not_started : [...summary.done, ...summary.failed],
  });
};
export default run;
