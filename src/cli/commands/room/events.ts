import { argument, defineParameters, flag, option, optionWithDefault } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// A room's events: Room Messages API, Event Context API and Room Timestamp to Event API
// (GET /_synapse/admin/v1/rooms/<room_id>/messages, .../context/<event_id>, .../timestamp_to_event).

export const messagesParameters = defineParameters({
  options: {
    from: option("--from", text, "Pagination token to start from (an 'end' of an earlier page)."),
    to: option("--to", text, "Pagination token to stop at."),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Events per page.", 10),
    backwards: flag("-b, --backwards", "Newest first."),
    filter: option("--filter", text, "A RoomEventFilter as JSON."),
    datetime: listTimes,
  },
  args: { roomId: roomIdArgument },
});
export const contextParameters = defineParameters({
  options: { limit: optionWithDefault("-l, --limit", integerAtLeast(0), "Events before and after.", 10) },
  args: { roomId: roomIdArgument, eventId: argument("EVENT_ID", text) },
});
export const timestampParameters = defineParameters({
  options: { backwards: flag("-b, --backwards", "The closest event before the time instead of after.") },
  args: {
    roomId: roomIdArgument,
    time: argument("TIME", text, "A date, date-time, epoch ms or a duration ago (2h)."),
  },
});

export const messagesCommand = defineCommand({
  name: "messages",
  summary: "Show a room's messages, a page at a time.",
  ...messagesParameters,
  examples: [[`synadm room messages ${ROOM} -b -l 20`, "The 20 newest messages"]],
  load: () => import("./events.run.ts").then((m) => m.roomMessages),
});

export const contextCommand = defineCommand({
  name: "context",
  summary: "Show the events around an event.",
  ...contextParameters,
  examples: [
    [
      `synadm room context ${ROOM} '$Kx9vW2mQe7Yh3TzRqA5sUoPbN1cLdFgHiJkM' -l 5`,
      "Five events on either side",
    ],
  ],
  load: () => import("./events.run.ts").then((m) => m.roomContext),
});

export const timestampToEventCommand = defineCommand({
  name: "timestamp-to-event",
  summary: "Find the event closest to a time.",
  ...timestampParameters,
  examples: [[`synadm room timestamp-to-event ${ROOM} 2h`, "The event closest to two hours ago"]],
  load: () => import("./events.run.ts").then((m) => m.roomTimestampToEvent),
});
