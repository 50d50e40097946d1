import { MEDIA_ORDERS } from "../../../api/orders.ts";
import {
  argument,
  defineGroup,
  defineParameters,
  flag,
  option,
  optionWithDefault,
} from "../../framework/spec.ts";
import { choice, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { beforeOptions } from "../../runtime/options/before.ts";
import { datetimeOption } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

const serverName = option(
  "-s, --server-name",
  text,
  "The server the media belongs to (default: this homeserver).",
);

export const listParameters = defineParameters({
  options: {
    roomId: option("-r, --room-id", text, "Media of this room."),
    userId: option("-u, --user-id", text, "Media uploaded by this user."),
    from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset (user media only).", 0),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Media per page (user media only).", 100),
    sort: option("-s, --sort, --order-by", choice(MEDIA_ORDERS), "Sort by this field (user media only)."),
    reverse: flag("-R, --reverse", "Reverse the order (user media only)."),
    datetime: datetimeOption("creation and last access (user media)"),
  },
  args: {},
  rules: {
    requireOne: [["roomId", "userId"]],
    sections: [{ title: "List media by [required_any]", options: ["roomId", "userId"] }],
  },
});
export const quarantineParameters = defineParameters({
  options: {
    mediaId: option("-i, --media-id", text, "This media ID."),
    roomId: option("-r, --room-id", text, "Every media file of this room."),
    userId: option("-u, --user-id", text, "Every media file this user uploaded."),
    mxcUri: option("-U, --mxc-uri", text, "This mxc:// URI."),
    serverName,
    dryRun,
  },
  args: {},
  rules: {
    exclusive: [["mediaId", "roomId", "userId", "mxcUri"]],
    requireOne: [["mediaId", "roomId", "userId", "mxcUri"]],
    sections: [
      {
        title: "Quarantine media by [mutually_exclusive, required]",
        options: ["mediaId", "roomId", "userId", "mxcUri"],
      },
    ],
  },
});
export const unquarantineParameters = defineParameters({
  options: {
    mediaId: option("-i, --media-id", text, "This media ID."),
    mxcUri: option("-U, --mxc-uri", text, "This mxc:// URI."),
    serverName,
  },
  args: {},
  rules: {
    exclusive: [["mediaId", "mxcUri"]],
    requireOne: [["mediaId", "mxcUri"]],
    sections: [{ title: "Unquarantine media by [required_any]", options: ["mediaId", "mxcUri"] }],
  },
});
export const mediaIdParameters = defineParameters({
  options: {},
  args: { mediaId: argument("MEDIA_ID", text) },
});
export const infoParameters = defineParameters({
  options: { serverName },
  args: { media: argument("MEDIA_ID_OR_MXC_URI", text) },
});
export const purgeParameters = defineParameters({
  options: {
    ...beforeOptions("Purge remote media last accessed", {
      days: "-d, --before-days",
      date: "-b, --before",
      ts: "-t, --before-ts",
    }),
    dryRun,
  },
  args: {},
  rules: {
    exclusive: [["beforeDays", "before", "beforeTs"]],
    requireOne: [["beforeDays", "before", "beforeTs"]],
    sections: [
      { title: "Purge by [mutually_exclusive, required]", options: ["beforeDays", "before", "beforeTs"] },
    ],
  },
});
export const deleteParameters = defineParameters({
  options: {
    mediaId: option("-i, --media-id", text, "Delete this local media."),
    ...beforeOptions("Delete local media last accessed", {
      days: "-d, --before-days",
      date: "-b, --before",
      ts: "-t, --before-ts",
    }),
    size: option("--size, --kib", integerAtLeast(0), "Only media larger than this many KiB."),
    deleteProfiles: flag("--delete-profiles, --all", "Also delete media used as user or room avatars."),
    dryRun,
  },
  args: {},
  rules: {
    exclusive: [
      ["mediaId", "beforeDays", "before", "beforeTs"],
      ["mediaId", "size"],
      ["mediaId", "deleteProfiles"],
    ],
    requireOne: [["mediaId", "beforeDays", "before", "beforeTs"]],
    sections: [
      {
        title: "Delete criteria [mutually_exclusive, required]",
        options: ["mediaId", "beforeDays", "before", "beforeTs"],
      },
      { title: "Additional switches", options: ["size", "deleteProfiles"] },
    ],
  },
});
export const changesParameters = defineParameters({
  options: { from: option("-f, --from", integerAtLeast(0), "Start at this next_batch.") },
  args: {},
});

const run = () => import("./run.ts");

export const mediaGroup = defineGroup({
  name: "media",
  summary: "List, quarantine, protect, delete and purge media.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List the media of a room or a user.",
      ...listParameters,
      load: () => run().then((m) => ({ default: m.list })),
    }),
    defineCommand({
      name: "info",
      summary: "Show what the server knows of a media file.",
      ...infoParameters,
      load: () => run().then((m) => ({ default: m.info })),
    }),
    defineCommand({
      name: "quarantine",
      summary: "Quarantine media by ID, by room or by user.",
      ...quarantineParameters,
      load: () => run().then((m) => ({ default: m.quarantine })),
    }),
    defineCommand({
      name: "unquarantine",
      summary: "Release media from quarantine.",
      ...unquarantineParameters,
      load: () => run().then((m) => ({ default: m.unquarantine })),
    }),
    defineCommand({
      name: "quarantine-changes",
      summary: "List quarantine and release records, oldest first.",
      ...changesParameters,
      load: () => run().then((m) => ({ default: m.quarantineChanges })),
    }),
    defineCommand({
      name: "protect",
      summary: "Protect local media from quarantine.",
      ...mediaIdParameters,
      load: () => run().then((m) => ({ default: m.protect })),
    }),
    defineCommand({
      name: "unprotect",
      summary: "Lift the protection from quarantine.",
      ...mediaIdParameters,
      load: () => run().then((m) => ({ default: m.unprotect })),
    }),
    defineCommand({
      name: "purge",
      summary: "Purge cached remote media not accessed since a time.",
      ...purgeParameters,
      load: () => run().then((m) => ({ default: m.purge })),
    }),
    defineCommand({
      name: "delete",
      summary: "Delete local media by ID, or by age (and size).",
      ...deleteParameters,
      load: () => run().then((m) => ({ default: m.remove })),
    }),
  ],
});
