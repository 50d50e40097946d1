import { defineGroup } from "../framework/spec.ts";
import { adminClientConfigGroup } from "./admin-client-config/index.ts";
import { backgroundUpdatesGroup } from "./background-updates/index.ts";
import { completionGroup } from "./completion/index.ts";
import { configCommand } from "./config/index.ts";
import { doctorCommand } from "./doctor/index.ts";
import { eventGroup } from "./event/index.ts";
import { eventReportGroup } from "./event-report/index.ts";
import { experimentalFeaturesGroup } from "./experimental-features/index.ts";
import { federationGroup } from "./federation/index.ts";
import { groupGroup } from "./group/index.ts";
import { historyGroup } from "./history/index.ts";
import { incidentGroup } from "./incident/index.ts";
import { masGroup } from "./mas/index.ts";
import { matrixGroup } from "./matrix/index.ts";
import { mediaGroup } from "./media/index.ts";
import { noticeGroup } from "./notice/index.ts";
import { rawCommand } from "./raw/index.ts";
import { regtokGroup } from "./regtok/index.ts";
import { roomGroup } from "./room/index.ts";
import { scheduledTasksGroup } from "./scheduled-tasks/index.ts";
import { statsGroup } from "./stats/index.ts";
import { userGroup } from "./user/index.ts";
import { userReportGroup } from "./user-report/index.ts";
import { versionCommand } from "./version/index.ts";

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
    doctorCommand,
    eventGroup,
    eventReportGroup,
    userReportGroup,
    experimentalFeaturesGroup,
    federationGroup,
    scheduledTasksGroup,
    statsGroup,
    configCommand,
    groupGroup,
    historyGroup,
    incidentGroup,
    masGroup,
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
