import { defineGroup } from "../../framework/spec.ts";
import { mediaUsageCommand, roomSizesCommand } from "./statistics.ts";

export const statsGroup = defineGroup({
  name: "stats",
  summary: "Server statistics: media usage per user, database size per room.",
  commands: [mediaUsageCommand, roomSizesCommand],
});
