import { ROOM_ORDERS } from "../../../api/orders.ts";
import { argument, defineParameters, option, toggle, type ValueSpec } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { orderByOption } from "../../runtime/options/order-by.ts";
import { allPagesOption, pagingOptions, reverseOption } from "../../runtime/options/paging.ts";

// List Room API: GET /_synapse/admin/v1/rooms.

/** Which page of the room list, in which order; `limit` is the page size when not given. */
export function roomPagingOptions(limit: number) {
  return {
    ...pagingOptions("Rooms", { cursor: "next_batch", limit }),
    orderBy: orderByOption(ROOM_ORDERS),
    reverse: reverseOption(),
  };
}

/** `-n, --name`: the room list's search term. */
export const roomNameOption: ValueSpec<string, string | undefined> = option(
  "-n, --name",
  text,
  "Only rooms whose name, canonical alias or ID contains this.",
);

export const listParameters = defineParameters({
  options: {
    ...roomPagingOptions(100),
    searchTerm: roomNameOption,
    emptyRooms: toggle("-e, --empty", "-E, --not-empty", "Only empty rooms, or only rooms with members."),
    publicRooms: toggle(
      "--public",
      "--not-public",
      "Only rooms in the room directory, or only rooms not in it.",
    ),
    all: allPagesOption("room"),
  },
  args: {},
});

export const searchParameters = defineParameters({
  options: roomPagingOptions(100),
  args: { searchTerm: argument("SEARCH_TERM", text) },
});

export const listCommand = defineCommand({
  name: "list",
  summary: "List and search rooms.",
  ...listParameters,
  examples: [
    ["synadm room list -s joined_members -l 10", "The ten rooms with the most members"],
    ["synadm room list -n 'Project X'", "Rooms whose name contains 'Project X'"],
  ],
  load: () => import("./list.run.ts").then((m) => m.listRooms),
});

export const searchCommand = defineCommand({
  name: "search",
  summary: "Search rooms by name, alias or ID (room list -n).",
  ...searchParameters,
  examples: [["synadm room search ops", "Rooms with 'ops' in their name, alias or ID"]],
  load: () => import("./list.run.ts").then((m) => m.searchRooms),
});
