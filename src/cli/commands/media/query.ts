import { MEDIA_ORDERS } from "../../../api/orders.ts";
import { argument, defineParameters, option, optionWithDefault } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { datetimeOption } from "../../runtime/options/datetime.ts";
import { orderByOption } from "../../runtime/options/order-by.ts";
import { reverseOption } from "../../runtime/options/paging.ts";
import { EXAMPLE_MXC, serverNameOption } from "./media-ids.ts";

// Querying media: a room's (GET /_synapse/admin/v1/room/<room_id>/media), a user's
// (GET /_synapse/admin/v1/users/<user_id>/media), one file's (GET /_synapse/admin/v1/media/<origin>/<media_id>).

export const listParameters = defineParameters({
  options: {
    roomId: option("-r, --room-id", text, "Media of this room."),
    userId: option("-u, --user-id", text, "Media uploaded by this user."),
    from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset (user media only).", 0),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Media per page (user media only).", 100),
    orderBy: orderByOption(MEDIA_ORDERS, "Sort by this field (user media only)."),
    reverse: reverseOption("-R, --reverse", "Reverse the order (user media only)."),
    datetime: datetimeOption("creation and last access (user media)"),
  },
  args: {},
  rules: {
    requireOne: [["roomId", "userId"]],
    sections: [{ title: "List media by [required_any]", options: ["roomId", "userId"] }],
  },
});
export const infoParameters = defineParameters({
  options: { serverName: serverNameOption },
  args: { media: argument("MEDIA_ID_OR_MXC_URI", text) },
});

export const listCommand = defineCommand({
  name: "list",
  summary: "List the media of a room or a user.",
  ...listParameters,
  examples: [
    ["synadm media list -u alice -s media_length -R", "Alice's uploads, largest first"],
    ["synadm media list -r '!abc:example.org'", "The media posted in a room"],
  ],
  load: () => import("./query.run.ts").then((m) => m.listMedia),
});

export const infoCommand = defineCommand({
  name: "info",
  summary: "Show what the server knows of a media file.",
  ...infoParameters,
  examples: [[`synadm media info ${EXAMPLE_MXC}`, "Type, size, uploader and quarantine state of a file"]],
  load: () => import("./query.run.ts").then((m) => m.mediaInfo),
});
