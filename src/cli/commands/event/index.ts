import { argument, defineGroup, defineParameters } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const showParameters = defineParameters({
  options: {},
  args: { eventId: argument("EVENT_ID", text) },
});

export const eventGroup = defineGroup({
  name: "event",
  summary: "Fetch any event by its ID.",
  commands: [
    defineCommand({
      name: "show",
      summary: "Show an event, whatever room it is in ($abc; quote it for the shell).",
      ...showParameters,
      load: () => import("./run.ts"),
    }),
  ],
});
