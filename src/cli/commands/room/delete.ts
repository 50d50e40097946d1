import { argument, defineParameters, flag, option, optionWithDefault } from "../../framework/spec.ts";
import { filePath, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { noWaitOption } from "../../runtime/options/no-wait.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// Delete Room API: DELETE /_synapse/admin/v2/rooms/<room_id> (v1 with --v1), and its statuses
// (GET /_synapse/admin/v2/rooms/<room_id>/delete_status, .../rooms/delete_status/<delete_id>).

export const deleteParameters = defineParameters({
  options: {
    newRoomUserId: option(
      "-u, --new-room-user-id",
      text,
      "Create a new room with this local user as admin and move the members there.",
    ),
    roomName: option(
      "-n, --room-name",
      text,
      'Name of that new room (Synapse\'s default: "Content Violation Notification").',
    ),
    message: option(
      "-m, --message",
      text,
      "First message in that new room, saying why the old one was shut down.",
    ),
    block: flag("-b, --block", "Block the room so nobody can join it again."),
    noPurge: flag("--no-purge", "Keep the room's data in the database."),
    forcePurge: flag(
      "--force-purge",
      "Purge even if local users are still in the room (only if a purge failed).",
    ),
    v1: flag("--v1", "Use the old synchronous delete API."),
    noWait: noWaitOption("delete"),
    dryRun,
  },
  args: { roomId: roomIdArgument },
  rules: { exclusive: [["noPurge", "forcePurge"]] },
});
// The same delete options as 'room delete', for every room of the list.
const { newRoomUserId, roomName, message, block, noPurge, forcePurge } = deleteParameters.options;
export const deleteManyParameters = defineParameters({
  options: {
    newRoomUserId,
    roomName,
    message,
    block,
    noPurge,
    forcePurge,
    ...bulkOptions("Deletes"),
  },
  args: {
    file: argument("FILE", filePath, "One room ID per line ('-' reads stdin; # starts a comment)."),
  },
  rules: { exclusive: [["noPurge", "forcePurge"]] },
});
export const deleteStatusParameters = defineParameters({
  options: {
    roomId: option("-r, --room-id", text, "The statuses of every delete of this room."),
    deleteId: option("-d, --delete-id", text, "The status of this delete."),
  },
  args: {},
  rules: {
    exclusive: [["roomId", "deleteId"]],
    requireOne: [["roomId", "deleteId"]],
    sections: [{ title: "Query type [mutually exclusive, required]", options: ["roomId", "deleteId"] }],
  },
});
export const purgeEmptyParameters = defineParameters({
  options: {
    noPurge: flag("--no-purge", "Keep the rooms' data in the database."),
    forcePurge: flag("--force-purge", "Purge even if local users are still in a room."),
    v1: flag("--v1", "Use the old synchronous delete API."),
    batchSize: optionWithDefault(
      "-p, --batch-size, --paginate",
      integerAtLeast(1),
      "Rooms fetched per page while searching.",
      100,
    ),
    ...bulkOptions("Deletes", flag("--dry-run", "Only list the empty rooms.")),
  },
  args: {},
  rules: {
    exclusive: [["noPurge", "forcePurge"]],
    sections: [{ title: "Purge options [mutually exclusive]", options: ["noPurge", "forcePurge"] }],
  },
});

export const deleteCommand = defineCommand({
  name: "delete",
  summary: "Delete a room (and purge it), following the delete to its end.",
  description:
    "Delete a room: remove its members (optionally moving them to a new room), then purge it from the " +
    "database. Shows the room and its members and asks first. Uses the asynchronous v2 API and follows the " +
    "delete until it completes or fails, unless --no-wait.",
  ...deleteParameters,
  examples: [
    [`synadm room delete ${ROOM} -b`, "Delete and block a room, after showing it and asking"],
    [`synadm --batch room delete ${ROOM} --no-wait`, "Start the delete and return at once"],
  ],
  load: () => import("./delete.run.ts").then((m) => m.deleteRoom),
});

export const deleteManyCommand = defineCommand({
  name: "delete-many",
  summary: "Delete (and purge) every room listed in a file or on stdin, following each delete to its end.",
  description:
    "Deletes the rooms listed one per line, several at once, each through the v2 API followed to its end, " +
    "with progress on stderr. Asks first (--batch: does not); an interrupted run goes on with --resume.",
  ...deleteManyParameters,
  examples: [["synadm --batch room delete-many -b spam-rooms.txt", "Delete and block the rooms listed"]],
  load: () => import("./delete.run.ts").then((m) => m.deleteManyRooms),
});

export const deleteStatusCommand = defineCommand({
  name: "delete-status",
  summary: "Show the status of room deletes, by room ID or delete ID.",
  ...deleteStatusParameters,
  examples: [[`synadm room delete-status -r ${ROOM}`, "How the deletes of a room went"]],
  load: () => import("./delete.run.ts").then((m) => m.roomDeleteStatus),
});

export const purgeEmptyCommand = defineCommand({
  name: "purge-empty",
  summary: "Delete every room no local user is in.",
  ...purgeEmptyParameters,
  examples: [["synadm room purge-empty --dry-run", "The rooms no local user is in, deleting nothing"]],
  load: () => import("./delete.run.ts").then((m) => m.purgeEmptyRooms),
});
