// Redact all the events of a user, and check the status of a redaction (User Admin API).
import { argument, defineParameters, option, repeatable } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { noWaitOption } from "../../runtime/options/no-wait.ts";
import { userIdArgument } from "../../runtime/options/user-id.ts";

export const redactParameters = defineParameters({
  options: {
    room: repeatable(
      "-r, --room",
      text,
      "Only in this room (a room ID); repeat for several. Default: every room.",
    ),
    reason: option("--reason", text, "Reason, shown in every redaction event."),
    limit: option("-l, --limit", integerAtLeast(1), "Events searched per room (Synapse's default: 1000)."),
    noWait: noWaitOption("redaction"),
    dryRun,
  },
  args: { userId: userIdArgument },
});

export const redactStatusParameters = defineParameters({
  options: {},
  args: { redactId: argument("REDACT_ID", text) },
});

const run = () => import("./redaction.run.ts");

export const redactCommand = defineCommand({
  name: "redact",
  summary: "Redact a user's events, in every room or the ones given.",
  ...redactParameters,
  examples: [["synadm user redact @spammer:example.org --reason spam", "Redact their events in every room"]],
  load: () => run().then((m) => m.redactUser),
});

export const redactStatusCommand = defineCommand({
  name: "redact-status",
  summary: "Show the status of a redaction started with 'user redact'.",
  ...redactStatusParameters,
  examples: [["synadm user redact-status RrDvZXNvQzyAcDxG", "How a redaction is going"]],
  load: () => run().then((m) => m.redactStatus),
});
