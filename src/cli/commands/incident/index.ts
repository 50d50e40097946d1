// The `incident` group: responding to an abuse incident as one piece of work.
import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { containCommand } from "./contain.ts";

export const incidentGroup: GroupSpec = defineGroup({
  name: "incident",
  summary: "Respond to an incident: find a spam wave, keep evidence, plan and contain it.",
  commands: [containCommand],
});
