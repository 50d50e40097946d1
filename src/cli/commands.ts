import { configCommand } from "./config/command.ts";
import { matrixGroup } from "./matrix/command.ts";
import { defineGroup } from "./parser/spec.ts";
import { rawCommand } from "./raw/command.ts";
import { roomGroup } from "./room/command.ts";
import { userGroup } from "./user/command.ts";
import { versionCommand } from "./version/command.ts";

/** Every command synadm knows, as data; implementations load when a command runs. */
export const rootGroup = defineGroup({
  name: "synadm",
  summary: "Administer a Synapse Matrix homeserver.",
  description:
    "Administer a Synapse Matrix homeserver through its Admin API. Reads synadm's configuration file " +
    "(~/.config/synadm.yaml); run 'synadm config' to set it up.",
  commands: [configCommand, matrixGroup, rawCommand, roomGroup, userGroup, versionCommand],
});
