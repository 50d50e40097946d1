import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import type { deleteParameters } from "./delete-group.ts";

// synadm still has the command; what is left of it is saying why it cannot work.
export const deleteGroup: RunFor<typeof deleteParameters> = async () => {
  throw new CliError(
    "Synapse removed groups (communities) in version 1.61; there is no group to delete and no API to call",
    ExitCode.usage,
  );
};
