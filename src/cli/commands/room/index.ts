import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { blockCommand, blockStatusCommand } from "./block.ts";
import { deleteCommand, deleteManyCommand, deleteStatusCommand, purgeEmptyCommand } from "./delete.ts";
import { detailsCommand, membersCommand, stateCommand } from "./details.ts";
import { publishCommand, resolveCommand, unpublishCommand } from "./directory.ts";
import { contextCommand, messagesCommand, timestampToEventCommand } from "./events.ts";
import { forwardExtremitiesGroup } from "./forward-extremities.ts";
import { hierarchyCommand } from "./hierarchy.ts";
import { listCommand, searchCommand } from "./list.ts";
import { roomMediaGroup } from "./media.ts";
import { joinCommand, makeAdminCommand } from "./membership.ts";
import { powerLevelsCommand } from "./power-levels.ts";

export const roomGroup: GroupSpec = defineGroup({
  name: "room",
  summary: "List, inspect, join, block and delete rooms.",
  description:
    "Work with rooms. Room IDs look like !abc:example.org (room version 12: !abc); quote them for the shell, " +
    "e.g. '!abc:example.org'.",
  commands: [
    listCommand,
    searchCommand,
    detailsCommand,
    stateCommand,
    membersCommand,
    powerLevelsCommand,
    resolveCommand,
    joinCommand,
    makeAdminCommand,
    blockCommand,
    blockStatusCommand,
    deleteCommand,
    deleteManyCommand,
    deleteStatusCommand,
    purgeEmptyCommand,
    messagesCommand,
    contextCommand,
    timestampToEventCommand,
    hierarchyCommand,
    forwardExtremitiesGroup,
    publishCommand,
    unpublishCommand,
    roomMediaGroup,
  ],
});
