// The `user` group: the User Admin API by its sections, one topic file each.
import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { accountDataCommand } from "./account-data.ts";
import { renewCommand } from "./account-validity.ts";
import {
  allowCrossSigningResetCommand,
  deactivateCommand,
  detailsCommand,
  modifyCommand,
  passwordCommand,
  shadowBanCommand,
  suspendCommand,
} from "./accounts.ts";
import { deactivateManyCommand, deactivateRegexCommand, exportCommand, inactiveCommand } from "./bulk.ts";
import { deviceGroup, pruneDevicesCommand } from "./devices.ts";
import { importCommand } from "./import.ts";
import { listCommand, listV3Command, searchCommand } from "./list.ts";
import { authProviderCommand, threepidCommand, usernameAvailableCommand } from "./lookup.ts";
import { deleteMediaCommand, mediaCommand } from "./media.ts";
import {
  joinedRoomCountCommand,
  membershipCommand,
  membershipsCommand,
  sentInviteCountCommand,
} from "./memberships.ts";
import { pushersCommand } from "./pushers.ts";
import { rateLimitGroup } from "./rate-limit.ts";
import { redactCommand, redactStatusCommand } from "./redaction.ts";
import { registerCommand } from "./register.ts";
import { serverAdminGroup } from "./server-admin.ts";
import { loginCommand, whoisCommand } from "./sessions.ts";

export const userGroup: GroupSpec = defineGroup({
  name: "user",
  summary: "List, create, modify, deactivate and inspect users.",
  // In the order completion has always offered them.
  commands: [
    listCommand,
    detailsCommand,
    whoisCommand,
    modifyCommand,
    deactivateCommand,
    deactivateRegexCommand,
    pruneDevicesCommand,
    passwordCommand,
    membershipCommand,
    searchCommand,
    mediaCommand,
    loginCommand,
    shadowBanCommand,
    suspendCommand,
    redactCommand,
    redactStatusCommand,
    authProviderCommand,
    threepidCommand,
    deviceGroup,
    rateLimitGroup,
    serverAdminGroup,
    accountDataCommand,
    pushersCommand,
    membershipsCommand,
    sentInviteCountCommand,
    joinedRoomCountCommand,
    usernameAvailableCommand,
    allowCrossSigningResetCommand,
    deleteMediaCommand,
    listV3Command,
    renewCommand,
    registerCommand,
    deactivateManyCommand,
    inactiveCommand,
    exportCommand,
    importCommand,
  ],
});
