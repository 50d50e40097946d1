import { BACKGROUND_JOBS } from "../../../api/resources/background-updates.ts";
import { argument, defineGroup, defineParameters, flag, option } from "../../framework/spec.ts";
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

const run = () => import("./run.ts");
export const backgroundUpdatesGroup = defineGroup({
  name: "background-updates",
  summary: "Show, pause, resume background database updates, or start a job.",
  commands: [
    defineCommand({
      name: "status",
      summary: "Whether updates run, and which.",
      ...noParameters,
      load: () => run().then((m) => ({ default: m.status })),
    }),
    defineCommand({
      name: "enable",
      summary: "Resume background updates.",
      ...noParameters,
      load: () => run().then((m) => ({ default: m.enable })),
    }),
    defineCommand({
      name: "disable",
      summary: "Pause background updates (until restart).",
      ...noParameters,
      load: () => run().then((m) => ({ default: m.disable })),
    }),
    defineCommand({
      name: "start",
      summary: "Start a background job.",
      ...startParameters,
      load: () => run().then((m) => ({ default: m.start })),
    }),
  ],
});
