import { BACKGROUND_JOBS } from "../../../api/resources/background-updates.ts";
import { argument, defineParameters, flag, option } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const noParameters = defineParameters({ options: {}, args: {} });
export const startParameters = defineParameters({
  options: {
    oldKey: option(
      "--old-key",
      text,
      "event_resign: only events signed with this key ('ed25519:id base64').",
    ),
    beforeTs: option(
      "--before-ts",
      text,
      "event_resign: only events received before this time (date, epoch ms or 30d).",
    ),
    noWait: flag("--no-wait", "Return once the job is queued instead of following the updates to their end."),
  },
  args: { job: argument("JOB_NAME", choice(BACKGROUND_JOBS)) },
});

const run = () => import("./background-updates.run.ts");

export const statusCommand = defineCommand({
  name: "status",
  summary: "Whether updates run, and which.",
  ...noParameters,
  examples: [["synadm background-updates status", "Whether updates run, and which one is running"]],
  load: () => run().then((m) => m.backgroundUpdatesStatus),
});

export const enableCommand = defineCommand({
  name: "enable",
  summary: "Resume background updates.",
  ...noParameters,
  examples: [["synadm background-updates enable", "Resume updates paused with 'disable'"]],
  load: () => run().then((m) => m.enableBackgroundUpdates),
});

export const disableCommand = defineCommand({
  name: "disable",
  summary: "Pause background updates (until restart).",
  ...noParameters,
  examples: [["synadm background-updates disable", "Pause updates during busy hours (until restart)"]],
  load: () => run().then((m) => m.disableBackgroundUpdates),
});

export const startCommand = defineCommand({
  name: "start",
  summary: "Start a background job.",
  ...startParameters,
  examples: [["synadm background-updates start regenerate_directory", "Rebuild the user directory"]],
  load: () => run().then((m) => m.startBackgroundJob),
});
