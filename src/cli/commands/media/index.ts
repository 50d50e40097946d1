import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { deleteCommand } from "./delete-local.ts";
import { purgeCommand } from "./purge-remote.ts";
import {
  protectCommand,
  quarantineChangesCommand,
  quarantineCommand,
  unprotectCommand,
  unquarantineCommand,
} from "./quarantine.ts";
import { infoCommand, listCommand } from "./query.ts";

export const mediaGroup: GroupSpec = defineGroup({
  name: "media",
  summary: "List, quarantine, protect, delete and purge media.",
  commands: [
    listCommand,
    infoCommand,
    quarantineCommand,
    unquarantineCommand,
    quarantineChangesCommand,
    protectCommand,
    unprotectCommand,
    purgeCommand,
    deleteCommand,
  ],
});
