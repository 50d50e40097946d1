import { argument, defineParameters, flag } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// The room directory of the Client-Server API: aliases (GET /_matrix/client/v3/directory/room/<alias>,
// .../rooms/<room_id>/aliases) and the published list (PUT .../directory/list/room/<room_id>).

export const resolveParameters = defineParameters({
  options: { reverse: flag("-r, --reverse", "List the aliases of a room ID instead.") },
  args: { room: argument("ROOM_ID_OR_ALIAS", text) },
});
export const visibilityParameters = defineParameters({
  options: { dryRun },
  args: { roomId: roomIdArgument },
});

export const resolveCommand = defineCommand({
  name: "resolve",
  summary: "Find the room ID of an alias, or (-r) the aliases of a room ID.",
  ...resolveParameters,
  examples: [
    ["synadm room resolve '#general:example.org'", "The room ID of an alias"],
    [`synadm room resolve -r ${ROOM}`, "The aliases of a room"],
  ],
  load: () => import("./directory.run.ts").then((m) => m.resolveRoom),
});

export const publishCommand = defineCommand({
  name: "publish",
  summary: "List a room in the server's room directory.",
  ...visibilityParameters,
  examples: [[`synadm room publish ${ROOM}`, "Show a room in the public room directory"]],
  load: () => import("./directory.run.ts").then((m) => m.publishRoom),
});

export const unpublishCommand = defineCommand({
  name: "unpublish",
  summary: "Remove a room from the server's room directory.",
  ...visibilityParameters,
  examples: [[`synadm room unpublish ${ROOM}`, "Take it out of the directory"]],
  load: () => import("./directory.run.ts").then((m) => m.unpublishRoom),
});
