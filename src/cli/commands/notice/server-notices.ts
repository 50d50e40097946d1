import {
  argument,
  defineParameters,
  flag,
  option,
  optionalArgument,
  optionWithDefault,
} from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";

// Server Notices API: POST /_synapse/admin/v1/send_server_notice (PUT .../<txn_id>).

export const sendParameters = defineParameters({
  options: {
    fromFile: flag("-f, --from-file", "PLAIN and FORMATTED are files to read the message from."),
    batchSize: optionWithDefault(
      "-p, --batch-size, --paginate",
      integerAtLeast(1),
      "Users fetched per page when TO is a regex.",
      100,
      {
        metavar: "SIZE",
      },
    ),
    regex: flag("-r, --regex", "TO is a regular expression matched from the start of each full user ID."),
    previewLength: optionWithDefault(
      "-l, --preview-length",
      integerAtLeast(0),
      "Recipients shown before asking.",
      10,
      {
        metavar: "LENGTH",
      },
    ),
    silent: flag("-s, --silent", "Print only counts, not one answer per recipient."),
    ...bulkOptions("Notices", flag("--dry-run", "Show the recipients and the message, and send nothing.")),
  },
  args: {
    to: argument("TO", text, "A user (ID or localpart), or with --regex a pattern."),
    plain: argument("PLAIN", text, "The message as plain text."),
    formatted: optionalArgument("FORMATTED", text, "The message as HTML (default: PLAIN)."),
  },
});
export const eventParameters = defineParameters({
  options: { stateKey: option("--state-key", text, "Send it as a state event with this state key.") },
  args: {
    to: argument("USER_ID", text),
    type: argument("EVENT_TYPE", text),
    content: argument("CONTENT", text, "The event content as JSON."),
  },
});

export const sendCommand = defineCommand({
  name: "send",
  summary: "Send a server notice to a user, or to every user matching a regex.",
  ...sendParameters,
  examples: [
    ["synadm notice send alice 'Your password expires on Friday.'", "A notice to one user"],
    ["synadm --batch notice send -r '@.*:example.org' 'Maintenance at 22:00 UTC.'", "A notice to every user"],
  ],
  load: () => import("./server-notices.run.ts").then((m) => m.sendNotice),
});

export const eventCommand = defineCommand({
  name: "event",
  summary: "Send a server notice of any event type (a state event with --state-key).",
  ...eventParameters,
  examples: [
    [
      `synadm notice event alice m.room.message '{"msgtype": "m.text", "body": "Hello"}'`,
      "A notice with content you write yourself",
    ],
  ],
  load: () => import("./server-notices.run.ts").then((m) => m.sendNoticeEvent),
});
