import { powerfulCreators, type RoomListParams, type RoomSummary } from "../../../api/resources/rooms.ts";
import { progressDisplay } from "../../runtime/bulk/progress.ts";
import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import { listIn } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { roomListParams } from "./list.run.ts";
import type { powerLevelsParameters } from "./power-levels.ts";
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
] as const;

type RoomWithPowerLevels = RoomSummary & {
  power_levels?: Record<string, number>;
  creators?: string[];
  error?: string;
};

export const roomPowerLevels: RunFor<typeof powerLevelsParameters> = async (context, { options }) => {
  const params: RoomListParams = roomListParams(options);
  if (options.roomId !== undefined) params.searchTerm = parseRoomId(options.roomId);
  else if (options.searchTerm !== undefined) params.searchTerm = options.searchTerm;
  const admin = await context.admin();
  const page = await admin.rooms.listPage(params);
  const list: RoomWithPowerLevels[] = page.rooms;

  // One state request per room, through the bulk engine: several at once, slowed down by rate limits.
  const { runBulk } = await import("../../../api/bulk/run-bulk.ts");
  const display = progressDisplay(context.io.stderr, "room power-levels");
  const outcome = await runBulk({
    items: list,
    keyOf: (room) => room.room_id,
    perform: (room, signal) => admin.rooms.state(room.room_id, { signal }),
    concurrency: options.concurrency,
    rateLimits: admin.http.rateLimits,
    onProgress: (progress) => display.update(progress),
  });
  if (list.length > 0) display.end(undefined);
  const states = new Map(outcome.done.map(({ item, result }) => [item, result.state]));
  const errors = new Map(outcome.failed.map(({ item, error }) => [item, error.message]));

  let withPowerLevels = 0;
  for (const room of list) {
    if (!options.allDetails)
      for (const field of DETAIL_FIELDS) delete (room as Partial<RoomWithPowerLevels>)[field];
    const event = states.get(room)?.find((e) => e["type"] === "m.room.power_levels");
    // As synadm: every room has the key, `{}` when it has no power levels or lists no users.
    room.power_levels = (event?.["content"] as { users?: Record<string, number> } | undefined)?.users ?? {};
    if (event) withPowerLevels++;
    // From room version 12 the creators outrank every level and are not in the users map.
    const creators = powerfulCreators(states.get(room) ?? []);
    if (creators) room.creators = creators;
    if (errors.has(room)) room.error = errors.get(room)!;
  }
  const result = { ...page, rooms: list, rooms_w_power_levels_curr_batch: withPowerLevels };
  // In the table the creators head the power levels' cell, as the ones with most power.
  const human = list.map(({ creators, ...room }) => ({
    ...room,
    power_levels: [
      ...(creators ?? []).map((user) => escapeTerminalText(`${user} creator`)),
      ...Object.entries(room.power_levels ?? {}).map(([user, level]) =>
        escapeTerminalText(`${user} ${level}`),
      ),
    ].join("\n"),
  }));
  return listIn(result, "rooms", {
    human,
    ...(errors.size > 0
      ? {
          failure: new CliError(
            `the state of ${errors.size} of ${list.length} room(s) could not be read`,
            ExitCode.failed,
          ),
        }
      : {}),
  });
};
