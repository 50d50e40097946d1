import { defineGroup, type GroupSpec } from "../../framework/spec.ts";
import { eventCommand, sendCommand } from "./server-notices.ts";

export const noticeGroup: GroupSpec = defineGroup({
  name: "notice",
  summary: "Send server notices to users.",
  commands: [sendCommand, eventCommand],
});
