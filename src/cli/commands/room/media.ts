import { defineGroup, defineParameters, type GroupSpec } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// Media Admin API, a room's media: GET /_synapse/admin/v1/room/<room_id>/media and
// POST .../media/quarantine.

export const listParameters = defineParameters({ options: {}, args: { roomId: roomIdArgument } });
export const quarantineParameters = defineParameters({
  options: { dryRun },
  args: { roomId: roomIdArgument },
});

export const roomMediaGroup: GroupSpec = defineGroup({
  name: "media",
  summary: "List or quarantine the media of a room.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List the media of a room (unencrypted events only).",
      ...listParameters,
      examples: [[`synadm room media list ${ROOM}`, "The media posted in a room"]],
      load: () => import("./media.run.ts").then((m) => m.listRoomMedia),
    }),
    defineCommand({
      name: "quarantine",
      summary: "Quarantine every media file of a room.",
      ...quarantineParameters,
      examples: [[`synadm room media quarantine ${ROOM}`, "Quarantine every file of a room"]],
      load: () => import("./media.run.ts").then((m) => m.quarantineRoomMedia),
    }),
  ],
});
