import { argument, defineParameters, option } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { EXAMPLE_MXC, serverNameOption } from "./media-ids.ts";

// Quarantine media: by ID, room or user (POST /_synapse/admin/v1/media/quarantine/..., .../room/<room_id>/media/quarantine,
// .../user/<user_id>/media/quarantine), its release, its changes, and protection from it.

const mediaId = option("-i, --media-id", text, "This media ID.");
const mxcUri = option("-U, --mxc-uri", text, "This mxc:// URI.");

export const quarantineParameters = defineParameters({
  options: {
    mediaId,
    roomId: option("-r, --room-id", text, "Every media file of this room."),
    userId: option("-u, --user-id", text, "Every media file this user uploaded."),
    mxcUri,
    serverName: serverNameOption,
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
  options: { mediaId, mxcUri, serverName: serverNameOption },
  args: {},
  rules: {
    exclusive: [["mediaId", "mxcUri"]],
    requireOne: [["mediaId", "mxcUri"]],
    sections: [{ title: "Unquarantine media by [required_any]", options: ["mediaId", "mxcUri"] }],
  },
});
export const changesParameters = defineParameters({
  options: { from: option("-f, --from", integerAtLeast(0), "Start at this next_batch.") },
  args: {},
});
export const protectParameters = defineParameters({
  options: {},
  args: { mediaId: argument("MEDIA_ID", text) },
});

export const quarantineCommand = defineCommand({
  name: "quarantine",
  summary: "Quarantine media by ID, by room or by user.",
  ...quarantineParameters,
  examples: [
    [`synadm media quarantine -U ${EXAMPLE_MXC}`, "Quarantine one file"],
    ["synadm media quarantine -u @spammer:example.org", "Every file a user uploaded"],
  ],
  load: () => import("./quarantine.run.ts").then((m) => m.quarantineMedia),
});

export const unquarantineCommand = defineCommand({
  name: "unquarantine",
  summary: "Release media from quarantine.",
  ...unquarantineParameters,
  examples: [[`synadm media unquarantine -U ${EXAMPLE_MXC}`, "Release a file quarantined by mistake"]],
  load: () => import("./quarantine.run.ts").then((m) => m.unquarantineMedia),
});

export const quarantineChangesCommand = defineCommand({
  name: "quarantine-changes",
  summary: "List quarantine and release records, oldest first.",
  ...changesParameters,
  examples: [["synadm media quarantine-changes", "Every quarantine and release, oldest first"]],
  load: () => import("./quarantine.run.ts").then((m) => m.mediaQuarantineChanges),
});

export const protectCommand = defineCommand({
  name: "protect",
  summary: "Protect local media from quarantine.",
  ...protectParameters,
  examples: [["synadm media protect AbCdEfGhIjKlMnOp", "Keep a local file safe from room-wide quarantines"]],
  load: () => import("./quarantine.run.ts").then((m) => m.protectMedia),
});

export const unprotectCommand = defineCommand({
  name: "unprotect",
  summary: "Lift the protection from quarantine.",
  ...protectParameters,
  examples: [["synadm media unprotect AbCdEfGhIjKlMnOp", "Lift that protection"]],
  load: () => import("./quarantine.run.ts").then((m) => m.unprotectMedia),
});
