import { defineGroup } from "../../framework/spec.ts";
import { deleteGroupCommand } from "./delete-group.ts";

export const groupGroup = defineGroup({
  name: "group",
  summary: "Groups (communities): removed from Synapse in 1.61.",
  commands: [deleteGroupCommand],
});
