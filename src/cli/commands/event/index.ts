import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { showCommand } from "./fetch-event.ts";

export const eventGroup: GroupSpec = defineGroup({
  name: "event",
  summary: "Fetch any event by its ID.",
  commands: [showCommand],
});
