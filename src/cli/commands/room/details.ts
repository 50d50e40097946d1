import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// Room Details, Room Members and Room State APIs: GET /_synapse/admin/v1/rooms/<room_id>[/members|/state].

export const roomParameters = defineParameters({ options: {}, args: { roomId: roomIdArgument } });
export const stateParameters = defineParameters({
  options: { datetime: listTimes },
  args: { roomId: roomIdArgument },
});

export const detailsCommand = defineCommand({
  name: "details",
  summary: "Show a room.",
  ...roomParameters,
  examples: [[`synadm room details ${ROOM}`, "Name, creator, members, encryption and more"]],
  load: () => import("./details.run.ts").then((m) => m.roomDetails),
});

export const stateCommand = defineCommand({
  name: "state",
  summary: "Show a room's current state events.",
  ...stateParameters,
  examples: [[`synadm room state ${ROOM}`, "The room's current state events"]],
  load: () => import("./details.run.ts").then((m) => m.roomState),
});

export const membersCommand = defineCommand({
  name: "members",
  summary: "List a room's joined members.",
  ...roomParameters,
  examples: [[`synadm room members ${ROOM}`, "The users joined to a room"]],
  load: () => import("./details.run.ts").then((m) => m.roomMembers),
});
