import { argument, defineParameters } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

// Fetch Event API: GET /_synapse/admin/v1/fetch_event/<event_id>.

export const showParameters = defineParameters({
  options: {},
  args: { eventId: argument("EVENT_ID", text) },
});

export const showCommand = defineCommand({
  name: "show",
  summary: "Show an event, whatever room it is in ($abc; quote it for the shell).",
  ...showParameters,
  examples: [
    ["synadm event show '$Kx9vW2mQe7Yh3TzRqA5sUoPbN1cLdFgHiJkM'", "An event named in a report, in any room"],
  ],
  load: () => import("./fetch-event.run.ts").then((m) => m.showEvent),
});
