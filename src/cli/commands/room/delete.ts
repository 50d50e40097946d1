import type { RunFor } from "../../runtime/command.ts";
import { confirmOrStop } from "../../runtime/confirm.ts";
import { followJob } from "../../runtime/follow-job.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { roomDeletion } from "./deletion.ts";
import type { deleteParameters } from "./index.ts";
import { parseRoomId } from "./room-ids.ts";

const run: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
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
    context.note(`Would: ${what} with ${JSON.stringify(deletion)}.`);
    return;
  }
  await confirmOrStop(context, `${what}?`);

  if (options.v1) {
    await context.print(await rooms.deleteNow(roomId, deletion));
    return;
  }
  const job = await rooms.delete(roomId, deletion);
  return followJob(context, job, {
    label: "Room delete",
    idField: "delete_id",
    noWait: options.noWait,
    statusCommand: "synadm room delete-status -d ID",
  });
};
export default run;
