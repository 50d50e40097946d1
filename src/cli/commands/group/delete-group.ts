import { argument, defineParameters } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const deleteParameters = defineParameters({
  options: {},
  args: { groupId: argument("GROUP_ID", text) },
});

export const deleteGroupCommand = defineCommand({
  name: "delete",
  summary: "Delete a group (community); Synapse no longer has them.",
  ...deleteParameters,
  examples: [["synadm group delete '+staff:example.org'", "Explains that Synapse no longer has groups"]],
  load: () => import("./delete-group.run.ts").then((m) => m.deleteGroup),
});
