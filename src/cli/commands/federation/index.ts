import { defineGroup } from "../../framework/spec.ts";
import { listCommand, resetCommand, roomsCommand, showCommand } from "./destinations.ts";

export const federationGroup = defineGroup({
  name: "federation",
  summary: "Inspect the servers this one federates with, and retry failing ones.",
  commands: [listCommand, showCommand, roomsCommand, resetCommand],
});
