import { defineParameters, flag, option } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { beforeOptions } from "../../runtime/options/before.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

// Delete local media: one file (DELETE /_synapse/admin/v1/media/<server_name>/<media_id>), or by date
// and size (POST /_synapse/admin/v1/media/delete).

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

export const deleteCommand = defineCommand({
  name: "delete",
  summary: "Delete local media by ID, or by age (and size).",
  ...deleteParameters,
  examples: [
    ["synadm media delete -i AbCdEfGhIjKlMnOp", "Delete one local file"],
    ["synadm --batch media delete -d 365 --kib 10240", "Files over 10 MiB not accessed for a year"],
  ],
  load: () => import("./delete-local.run.ts").then((m) => m.deleteMedia),
});
