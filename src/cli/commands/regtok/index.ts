import { defineGroup } from "../../framework/spec.ts";
import {
  deleteCommand,
  detailsCommand,
  listCommand,
  newCommand,
  updateCommand,
} from "./registration-tokens.ts";

export const regtokGroup = defineGroup({
  name: "regtok",
  summary: "Manage registration tokens.",
  commands: [listCommand, detailsCommand, newCommand, updateCommand, deleteCommand],
});
