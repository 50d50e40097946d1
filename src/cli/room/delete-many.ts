import type { RoomDeleteOptions } from "../../api/resources/rooms.ts";
import { readItemList } from "../bulk/read-items.ts";
import { runBulkCommand } from "../bulk/run-bulk-command.ts";
import type { RunFor } from "../parser/spec.ts";
import type { deleteManyParameters } from "./command.ts";
import { parseRoomId } from "./room-ids.ts";

const run: RunFor<typeof deleteManyParameters> = async (context, { options, args }) => {
  const roomIds = await readItemList(context, args.file, parseRoomId);
  const deletion: RoomDeleteOptions = { block: options.block, purge: !options.noPurge };
  if (options.newRoomUserId !== undefined)
    deletion.new_room_user_id = await context.userId(options.newRoomUserId);
  if (options.roomName !== undefined) deletion.room_name = options.roomName;
  if (options.message !== undefined) deletion.message = options.message;
  if (options.forcePurge) deletion.force_purge = true;
  const { rooms } = await context.admin();
  const what = `${options.noPurge ? "Delete" : "Delete and purge"}${options.block ? " and block" : ""}`;
  await runBulkCommand(context, {
    command: "room delete-many",
    identity: { roomIds, deletion },
    itemField: "room_id",
    noun: "room(s) to delete",
    question: (count) => `${what} these ${count} room(s)?`,
    selectItems: async () => roomIds,
    perform: async (roomId, signal) => {
      const job = await rooms.delete(roomId, deletion, { signal });
      const final = await job.wait({ signal });
      return { delete_id: job.id, status: final.status };
    },
    options,
  });
};
export default run;
