import { argument, defineGroup, defineParameters } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";

export const deleteParameters = defineParameters({
  options: {},
  args: { groupId: argument("GROUP_ID", text) },
});

export const groupGroup = defineGroup({
  name: "group",
  summary: "Groups (communities): removed from Synapse in 1.61.",
  commands: [
    defineCommand({
      name: "delete",
      summary: "Delete a group (community); Synapse no longer has them.",
      ...deleteParameters,
      load: async () => ({
        default: async () => {
          throw new CliError(
            "Synapse removed groups (communities) in version 1.61; there is no group to delete and no API to call",
            ExitCode.usage,
          );
        },
      }),
    }),
  ],
});
