import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { beforeOptions } from "../../runtime/options/before.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

// Purge Remote Media API: POST /_synapse/admin/v1/purge_media_cache.

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

export const purgeCommand = defineCommand({
  name: "purge",
  summary: "Purge cached remote media not accessed since a time.",
  ...purgeParameters,
  examples: [["synadm media purge -d 30", "Drop cached remote media nobody looked at for 30 days"]],
  load: () => import("./purge-remote.run.ts").then((m) => m.purgeRemoteMedia),
});
