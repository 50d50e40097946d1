// Deletes the rooms no local user is in any more. A dry run unless --yes is given:
//
//   SYNAPSE_URL=... SYNAPSE_TOKEN=... npx tsx examples/clean-empty-rooms.ts            # shows what would go
//   SYNAPSE_URL=... SYNAPSE_TOKEN=... npx tsx examples/clean-empty-rooms.ts --yes      # deletes and purges
//
// `--creator USER_ID` limits it to the rooms that user created (a bot's or a bridge's, say).
import { parseArgs } from "node:util";
import { type RoomId, roomId, SynapseAdmin } from "synadm";

const { SYNAPSE_URL, SYNAPSE_TOKEN } = process.env;
if (!SYNAPSE_URL || !SYNAPSE_TOKEN) throw new Error("set SYNAPSE_URL and SYNAPSE_TOKEN");
const admin = new SynapseAdmin({ baseUrl: SYNAPSE_URL, accessToken: SYNAPSE_TOKEN });
const { values } = parseArgs({ options: { yes: { type: "boolean" }, creator: { type: "string" } } });

// Collected first: deleting while paging would shift the pages under the walk.
const empty: RoomId[] = [];
// (Synapse forgets an empty room's name, so rooms cannot be picked by name here.)
for await (const room of admin.rooms.list()) {
  if (room.joined_local_members > 0) continue;
  if (values.creator === undefined || room.creator === values.creator) empty.push(roomId(room.room_id));
}

if (!values.yes) {
  for (const room of empty) console.log(`would delete ${room}`);
  console.error(`${empty.length} empty room(s); run again with --yes to delete them`);
  process.exit(0);
}

// Ctrl-C stops following the current delete (the server finishes it anyway) instead of killing mid-line.
const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
let failed = 0;
for (const room of empty) {
  try {
    // One await: the delete is sent, then followed to its end (`.started()` would give the job instead).
    await admin.rooms.delete(room, { purge: true }, { signal: stop.signal }).wait({
      onStatus: (status) => console.error(`${room}: ${status.status}`),
    });
    console.log(`deleted ${room}`);
  } catch (error) {
    if (stop.signal.aborted) break;
    failed++;
    console.error(`could not delete ${room}: ${(error as Error).message}`);
  }
}
process.exitCode = failed > 0 || stop.signal.aborted ? 1 : 0;
