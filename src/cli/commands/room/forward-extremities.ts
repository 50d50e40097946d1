import { defineGroup, defineParameters, type GroupSpec } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { EXAMPLE_ROOM as ROOM, roomIdArgument } from "./room-ids.ts";

// Forward Extremities Admin API: GET and DELETE /_synapse/admin/v1/rooms/<room>/forward_extremities.

export const showParameters = defineParameters({ options: {}, args: { roomId: roomIdArgument } });
export const deleteParameters = defineParameters({ options: { dryRun }, args: { roomId: roomIdArgument } });

export const forwardExtremitiesGroup: GroupSpec = defineGroup({
  name: "forward-extremities",
  summary: "Show or delete a room's forward extremities.",
  commands: [
    defineCommand({
      name: "show",
      summary: "Show them.",
      ...showParameters,
      examples: [[`synadm room forward-extremities show ${ROOM}`, "Too many slow a room down"]],
      load: () => import("./forward-extremities.run.ts").then((m) => m.showForwardExtremities),
    }),
    defineCommand({
      name: "delete",
      summary: "Delete the extra ones.",
      ...deleteParameters,
      examples: [
        [`synadm room forward-extremities delete ${ROOM}`, "Drop the extra ones (stop Synapse first)"],
      ],
      load: () => import("./forward-extremities.run.ts").then((m) => m.deleteForwardExtremities),
    }),
  ],
});
