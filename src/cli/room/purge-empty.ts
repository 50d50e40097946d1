import type { RoomDeleteOptions, RoomSummary } from "../../api/resources/rooms.ts";
import { confirmOrStop } from "../confirm.ts";
import { CliError, ExitCode } from "../errors.ts";
import type { RunFor } from "../parser/spec.ts";
import type { purgeEmptyParameters } from "./command.ts";

const run: RunFor<typeof purgeEmptyParameters> = async (context, { options }) => {
  const { rooms } = await context.admin();
  // Sorted by local members, fewest first: the empty rooms come first and the walk stops at the first one in use.
  const empty: RoomSummary[] = [];
  for await (const room of rooms.list({
    orderBy: "joined_local_members",
    dir: "b",
    limit: options.batchSize,
  })) {
    if (room.joined_local_members !== 0) break;
    empty.push(room);
  }
  context.note(
    `${empty.length} room(s) without local members` +
      (empty.length ? `:\n  ${empty.map((r) => r.room_id).join("\n  ")}` : "."),
  );
  if (options.dryRun || empty.length === 0) {
    await context.print({
      dry_run: options.dryRun,
      empty_rooms: empty.map((r) => r.room_id),
      deleted: [],
      failed: [],
    });
    return;
  }
  await confirmOrStop(context, `Delete${options.noPurge ? "" : " and purge"} these ${empty.length} room(s)?`);

  const deletion: RoomDeleteOptions = {
    block: false,
    purge: !options.noPurge,
    ...(options.forcePurge ? { force_purge: true } : {}),
  };
  const deleted: Array<{ room_id: string; delete_id?: string; status: string }> = [];
  const failed: Array<{ room_id: string; error: string }> = [];
  const queue = empty.map((room) => room.room_id);
  const worker = async (): Promise<void> => {
    for (let roomId = queue.shift(); roomId !== undefined; roomId = queue.shift()) {
      try {
        if (options.v1) {
          await rooms.deleteNow(roomId, deletion);
          deleted.push({ room_id: roomId, status: "complete" });
        } else {
          const job = await rooms.delete(roomId, deletion);
          const final = await job.wait();
          deleted.push({ room_id: roomId, delete_id: job.id, status: final.status });
        }
        context.note(`Deleted ${roomId} (${deleted.length + failed.length}/${empty.length})`);
      } catch (error) {
        failed.push({ room_id: roomId, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, empty.length) }, worker));
  await context.print({ dry_run: false, empty_rooms: empty.map((r) => r.room_id), deleted, failed });
  if (failed.length > 0)
    throw new CliError(`${failed.length} of ${empty.length} room delete(s) failed`, ExitCode.failed);
};
export default run;
