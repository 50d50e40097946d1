import type { RoomListParams, RoomSummary } from "../../api/resources/rooms.ts";
import type { RunFor } from "../parser/spec.ts";
import type { powerLevelsParameters } from "./command.ts";
import { roomListParams } from "./reads.ts";
import { parseRoomId } from "./room-ids.ts";

// What synadm leaves out unless -a: the list's details, not who has power.
const DETAIL_FIELDS = [
  "creator",
  "encryption",
  "federatable",
  "guest_access",
  "history_visibility",
  "join_rules",
  "joined_local_members",
  "joined_members",
  "public",
  "state_events",
  "version",
];
const STATE_FETCHES_AT_ONCE = 8;

const run: RunFor<typeof powerLevelsParameters> = async (context, { options }) => {
  const params: RoomListParams = roomListParams(options);
  if (options.roomId !== undefined) params.searchTerm = parseRoomId(options.roomId);
  else if (options.name !== undefined) params.searchTerm = options.name;
  const { rooms } = await context.admin();
  const page = await rooms.listPage(params);

  let withPowerLevels = 0;
  const list: Array<RoomSummary & { power_levels?: Record<string, number> }> = page.rooms;
  // One state request per room, a few at a time rather than one after another.
  for (let start = 0; start < list.length; start += STATE_FETCHES_AT_ONCE) {
    const batch = list.slice(start, start + STATE_FETCHES_AT_ONCE);
    const states = await Promise.all(batch.map((room) => rooms.state(room.room_id)));
    batch.forEach((room, i) => {
      if (!options.allDetails) for (const field of DETAIL_FIELDS) delete room[field];
      const event = states[i]!.state.find((e) => e["type"] === "m.room.power_levels");
      const users = (event?.["content"] as { users?: Record<string, number> } | undefined)?.users;
      if (users) {
        room.power_levels = users;
        withPowerLevels++;
      }
    });
  }
  const result = { ...page, rooms: list, rooms_w_power_levels_curr_batch: withPowerLevels };
  const human = list.map((room) => ({
    ...room,
    power_levels: Object.entries(room.power_levels ?? {})
      .map(([user, level]) => `${user} ${level}`)
      .join("\n"),
  }));
  await context.print(result, human);
};
export default run;
