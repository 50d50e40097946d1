import { defineGroup } from "../../framework/spec.ts";
import { disableCommand, enableCommand, startCommand, statusCommand } from "./background-updates.ts";

export const backgroundUpdatesGroup = defineGroup({
  name: "background-updates",
  summary: "Show, pause, resume background database updates, or start a job.",
  commands: [statusCommand, enableCommand, disableCommand, startCommand],
});
