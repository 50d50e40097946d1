import { ROOM_ORDERS } from "../../../api/orders.ts";
import {
  argument,
  defineGroup,
  defineParameters,
  flag,
  option,
  optionWithDefault,
  toggle,
  toggleWithDefault,
} from "../../framework/spec.ts";
import { choice, filePath, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

const roomId = argument("ROOM_ID", text, "A room ID (!abc:example.org); quote the ! for the shell.");
const paging = (limit: number) => ({
  from: optionWithDefault(
    "-f, --from",
    integerAtLeast(0),
    "Start at this offset (next_batch) for paging.",
    0,
  ),
  limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Rooms per page.", limit),
  sort: option("-s, --sort, --order-by", choice(ROOM_ORDERS), "Sort by this field."),
  reverse: flag("-r, --reverse", "Reverse the order."),
});

export const listParameters = defineParameters({
  options: {
    ...paging(100),
    name: option("-n, --name", text, "Only rooms whose name, canonical alias or ID contains this."),
    empty: toggle("-e, --empty", "-E, --not-empty", "Only empty rooms, or only rooms with members."),
    public: toggle("--public", "--not-public", "Only rooms in the room directory, or only rooms not in it."),
    all: flag("--all", "Follow the pages to the end and print every room (streamed)."),
  },
  args: {},
});
export const searchParameters = defineParameters({
  options: paging(100),
  args: { searchTerm: argument("SEARCH_TERM", text) },
});
export const roomOnlyParameters = defineParameters({ options: {}, args: { roomId } });
export const joinParameters = defineParameters({
  options: {},
  args: { room: argument("ROOM_ID_OR_ALIAS", text), userId: argument("USER_ID", text) },
});
export const resolveParameters = defineParameters({
  options: { reverse: flag("-r, --reverse", "List the aliases of a room ID instead.") },
  args: { room: argument("ROOM_ID_OR_ALIAS", text) },
});
export const powerLevelsParameters = defineParameters({
  options: {
    roomId: option("-i, --room-id", text, "Only this room."),
    allDetails: flag(
      "-a, --all-details",
      "Show every field of each room, not only ID, name, alias and power levels.",
    ),
    ...paging(10),
    name: option("-n, --name", text, "Only rooms whose name, canonical alias or ID contains this."),
    concurrency: bulkOptions("State fetches").concurrency,
  },
  args: {},
});
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
    noWait: flag("--no-wait", "Print the delete ID and return at once instead of following the delete."),
    dryRun,
  },
  args: { roomId },
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
export const makeAdminParameters = defineParameters({
  options: {
    userId: option("-u, --user-id", text, "Give power to this local user instead of the caller."),
    dryRun,
  },
  args: { roomId },
});
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
  args: { roomId },
});
export const messagesParameters = defineParameters({
  options: {
    from: option("--from", text, "Pagination token to start from (an 'end' of an earlier page)."),
    to: option("--to", text, "Pagination token to stop at."),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Events per page.", 10),
    backwards: flag("-b, --backwards", "Newest first."),
    filter: option("--filter", text, "A RoomEventFilter as JSON."),
  },
  args: { roomId },
});
export const contextParameters = defineParameters({
  options: { limit: optionWithDefault("-l, --limit", integerAtLeast(0), "Events before and after.", 10) },
  args: { roomId, eventId: argument("EVENT_ID", text) },
});
export const timestampParameters = defineParameters({
  options: { backwards: flag("-b, --backwards", "The closest event before the time instead of after.") },
  args: { roomId, time: argument("TIME", text, "A date, date-time, epoch ms or a duration ago (2h).") },
});
export const hierarchyParameters = defineParameters({
  options: {
    from: option("--from", text, "Pagination token from an earlier page."),
    limit: option("-l, --limit", integerAtLeast(1), "Rooms per page (Synapse's default: 50)."),
    maxDepth: option("--max-depth", integerAtLeast(0), "How deep to go into the space tree."),
  },
  args: { roomId },
});
export const changeRoomParameters = defineParameters({ options: { dryRun }, args: { roomId } });

const reads = () => import("./reads.ts");
const changes = () => import("./changes.ts");

export const roomGroup = defineGroup({
  name: "room",
  summary: "List, inspect, join, block and delete rooms.",
  description:
    "Work with rooms. Room IDs look like !abc:example.org (room version 12: !abc); quote them for the shell, " +
    "e.g. '!abc:example.org'.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List and search rooms.",
      ...listParameters,
      load: () => reads().then((m) => ({ default: m.list })),
    }),
    defineCommand({
      name: "search",
      summary: "Search rooms by name, alias or ID (room list -n).",
      ...searchParameters,
      load: () => reads().then((m) => ({ default: m.search })),
    }),
    defineCommand({
      name: "details",
      summary: "Show a room.",
      ...roomOnlyParameters,
      load: () => reads().then((m) => ({ default: m.details })),
    }),
    defineCommand({
      name: "state",
      summary: "Show a room's current state events.",
      ...roomOnlyParameters,
      load: () => reads().then((m) => ({ default: m.state })),
    }),
    defineCommand({
      name: "members",
      summary: "List a room's joined members.",
      ...roomOnlyParameters,
      load: () => reads().then((m) => ({ default: m.members })),
    }),
    defineCommand({
      name: "power-levels",
      summary: "List who has which power level in rooms.",
      description:
        "List rooms with the power levels their users have, from each room's state (fetched a few rooms at a " +
        "time). Shows ID, name, alias and power levels unless -a.",
      ...powerLevelsParameters,
      load: () => import("./power-levels.ts"),
    }),
    defineCommand({
      name: "resolve",
      summary: "Find the room ID of an alias, or (-r) the aliases of a room ID.",
      ...resolveParameters,
      load: () => reads().then((m) => ({ default: m.resolve })),
    }),
    defineCommand({
      name: "join",
      summary: "Join a local user to a room the admin is in (or a public room).",
      ...joinParameters,
      load: () => changes().then((m) => ({ default: m.join })),
    }),
    defineCommand({
      name: "make-admin",
      summary: "Give a local user (default: you) the highest power level in a room.",
      ...makeAdminParameters,
      load: () => changes().then((m) => ({ default: m.makeAdmin })),
    }),
    defineCommand({
      name: "block",
      summary: "Block a room (nobody here can join it), or unblock it; the room need not be known.",
      ...blockParameters,
      load: () => changes().then((m) => ({ default: m.block })),
    }),
    defineCommand({
      name: "block-status",
      summary: "Whether a room is blocked, and by whom.",
      ...roomOnlyParameters,
      load: () => reads().then((m) => ({ default: m.blockStatus })),
    }),
    defineCommand({
      name: "delete",
      summary: "Delete a room (and purge it), following the delete to its end.",
      description:
        "Delete a room: remove its members (optionally moving them to a new room), then purge it from the " +
        "database. Shows the room and its members and asks first. Uses the asynchronous v2 API and follows the " +
        "delete until it completes or fails, unless --no-wait.",
      ...deleteParameters,
      load: () => import("./delete.ts"),
    }),
    defineCommand({
      name: "delete-many",
      summary:
        "Delete (and purge) every room listed in a file or on stdin, following each delete to its end.",
      description:
        "Deletes the rooms listed one per line, several at once, each through the v2 API followed to its end, " +
        "with progress on stderr. Asks first (--batch: does not); an interrupted run goes on with --resume.",
      ...deleteManyParameters,
      load: () => import("./delete-many.ts"),
    }),
    defineCommand({
      name: "delete-status",
      summary: "Show the status of room deletes, by room ID or delete ID.",
      ...deleteStatusParameters,
      load: () => reads().then((m) => ({ default: m.deleteStatus })),
    }),
    defineCommand({
      name: "purge-empty",
      summary: "Delete every room no local user is in.",
      ...purgeEmptyParameters,
      load: () => import("./purge-empty.ts"),
    }),
    defineCommand({
      name: "messages",
      summary: "Show a room's messages, a page at a time.",
      ...messagesParameters,
      load: () => reads().then((m) => ({ default: m.messages })),
    }),
    defineCommand({
      name: "context",
      summary: "Show the events around an event.",
      ...contextParameters,
      load: () => reads().then((m) => ({ default: m.context })),
    }),
    defineCommand({
      name: "timestamp-to-event",
      summary: "Find the event closest to a time.",
      ...timestampParameters,
      load: () => reads().then((m) => ({ default: m.timestampToEvent })),
    }),
    defineCommand({
      name: "hierarchy",
      summary: "List the rooms of a space.",
      ...hierarchyParameters,
      load: () => reads().then((m) => ({ default: m.hierarchy })),
    }),
    defineGroup({
      name: "forward-extremities",
      summary: "Show or delete a room's forward extremities.",
      commands: [
        defineCommand({
          name: "show",
          summary: "Show them.",
          ...roomOnlyParameters,
          load: () => reads().then((m) => ({ default: m.forwardExtremities })),
        }),
        defineCommand({
          name: "delete",
          summary: "Delete the extra ones.",
          ...changeRoomParameters,
          load: () => changes().then((m) => ({ default: m.deleteForwardExtremities })),
        }),
      ],
    }),
    defineCommand({
      name: "publish",
      summary: "List a room in the server's room directory.",
      ...changeRoomParameters,
      load: () => changes().then((m) => ({ default: m.publish })),
    }),
    defineCommand({
      name: "unpublish",
      summary: "Remove a room from the server's room directory.",
      ...changeRoomParameters,
      load: () => changes().then((m) => ({ default: m.unpublish })),
    }),
    defineGroup({
      name: "media",
      summary: "List or quarantine the media of a room.",
      commands: [
        defineCommand({
          name: "list",
          summary: "List the media of a room (unencrypted events only).",
          ...roomOnlyParameters,
          load: () => reads().then((m) => ({ default: m.media })),
        }),
        defineCommand({
          name: "quarantine",
          summary: "Quarantine every media file of a room.",
          ...changeRoomParameters,
          load: () => changes().then((m) => ({ default: m.quarantineMedia })),
        }),
      ],
    }),
  ],
});
