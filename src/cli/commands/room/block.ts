import { defineParameters, toggleWithDefault } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// Block Room API: PUT and GET /_synapse/admin/v1/rooms/<room_id>/block.

export const blockParameters = defineParameters({
  options: {
    block: toggleWithDefault(
      "-b, --block",
      "-u, --unblock",
      "Block the room, or unblock it.  [default: block]",
      true,
    ),
    dryRun,
  },
  args: { roomId: roomIdArgument },
});
export const blockStatusParameters = defineParameters({ options: {}, args: { roomId: roomIdArgument } });

export const blockCommand = defineCommand({
  name: "block",
  summary: "Block a room (nobody here can join it), or unblock it; the room need not be known.",
  ...blockParameters,
  examples: [
    [`synadm room block ${ROOM}`, "Nobody on this server can join it (it need not be known yet)"],
    [`synadm room block -u ${ROOM}`, "Lift the block"],
  ],
  load: () => import("./block.run.ts").then((m) => m.blockRoom),
});

export const blockStatusCommand = defineCommand({
  name: "block-status",
  summary: "Whether a room is blocked, and by whom.",
  ...blockStatusParameters,
  examples: [[`synadm room block-status ${ROOM}`, "Whether a room is blocked, and by whom"]],
  load: () => import("./block.run.ts").then((m) => m.roomBlockStatus),
});
