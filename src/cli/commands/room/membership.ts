import { argument, defineParameters, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// Edit Room Membership API (POST /_synapse/admin/v1/join/<room>) and
// Make Room Admin API (POST /_synapse/admin/v1/rooms/<room>/make_room_admin).

export const joinParameters = defineParameters({
  options: {},
  args: { room: argument("ROOM_ID_OR_ALIAS", text), userId: argument("USER_ID", text) },
});
export const makeAdminParameters = defineParameters({
  options: {
    userId: option("-u, --user-id", text, "Give power to this local user instead of the caller."),
    dryRun,
  },
  args: { roomId: roomIdArgument },
});

export const joinCommand = defineCommand({
  name: "join",
  summary: "Join a local user to a room the admin is in (or a public room).",
  ...joinParameters,
  examples: [["synadm room join '#general:example.org' alice", "Put alice into a room"]],
  load: () => import("./membership.run.ts").then((m) => m.joinRoom),
});

export const makeAdminCommand = defineCommand({
  name: "make-admin",
  summary: "Give a local user (default: you) the highest power level in a room.",
  ...makeAdminParameters,
  examples: [[`synadm room make-admin ${ROOM} -u alice`, "Give alice full power in a room its admins left"]],
  load: () => import("./membership.run.ts").then((m) => m.makeRoomAdmin),
});
