import { defineParameters, option } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { roomIdArgument } from "./room-ids.ts";

// Room Hierarchy API: GET /_synapse/admin/v1/rooms/<room_id>/hierarchy.

export const hierarchyParameters = defineParameters({
  options: {
    from: option("--from", text, "Pagination token from an earlier page."),
    limit: option("-l, --limit", integerAtLeast(1), "Rooms per page (Synapse's default: 50)."),
    maxDepth: option("--max-depth", integerAtLeast(0), "How deep to go into the space tree."),
  },
  args: { roomId: roomIdArgument },
});

export const hierarchyCommand = defineCommand({
  name: "hierarchy",
  summary: "List the rooms of a space.",
  ...hierarchyParameters,
  examples: [["synadm room hierarchy '!space:example.org' --max-depth 1", "The rooms directly in a space"]],
  load: () => import("./hierarchy.run.ts").then((m) => m.roomHierarchy),
});
