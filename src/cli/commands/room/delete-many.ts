import { readItemList } from "../../runtime/bulk/read-items.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { roomDeletion } from "./deletion.ts";
import type { deleteManyParameters } from "./index.ts";
import { parseRoomId } from "./room-ids.ts";

const run: RunFor<typeof deleteManyParameters> = async (context, { options, args }) => {
  const roomIds = await readItemList(context, args.file, parseRoomId);
  const deletion = await roomDeletion(context, options);
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
