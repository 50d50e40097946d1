import { adminClientConfigGroup } from "./admin-client-config/command.ts";
import { backgroundUpdatesGroup } from "./background-updates/command.ts";
import { completionGroup } from "./completion/command.ts";
import { configCommand } from "./config/command.ts";
import { eventGroup } from "./event/command.ts";
import { eventReportGroup } from "./event-report/command.ts";
import { experimentalFeaturesGroup } from "./experimental-features/command.ts";
import { federationGroup } from "./federation/command.ts";
import { groupGroup } from "./group/command.ts";
import { historyGroup } from "./history/command.ts";
import { matrixGroup } from "./matrix/command.ts";
import { mediaGroup } from "./media/command.ts";
import { noticeGroup } from "./notice/command.ts";
import { defineGroup } from "./parser/spec.ts";
import { rawCommand } from "./raw/command.ts";
import { regtokGroup } from "./regtok/command.ts";
import { roomGroup } from "./room/command.ts";
import { scheduledTasksGroup } from "./scheduled-tasks/command.ts";
import { statsGroup } from "./stats/command.ts";
import { userGroup } from "./user/command.ts";
import { versionCommand } from "./version/command.ts";

/** Every command synadm knows, as data; implementations load when a command runs. */
export const rootGroup = defineGroup({
  name: "synadm",
  summary: "Administer a Synapse Matrix homeserver.",
  description:
    "Administer a Synapse Matrix homeserver through its Admin API. Reads synadm's configuration file " +
    "(~/.config/synadm.yaml); run 'synadm config' to set it up.",
  commands: [
    adminClientConfigGroup,
    backgroundUpdatesGroup,
    completionGroup,
    eventGroup,
    eventReportGroup,
    experimentalFeaturesGroup,
    federationGroup,
    scheduledTasksGroup,
    statsGroup,
    configCommand,
    groupGroup,
    historyGroup,
    matrixGroup,
    mediaGroup,
    noticeGroup,
    rawCommand,
    regtokGroup,
    roomGroup,
    userGroup,
    versionCommand,
  ],
});
