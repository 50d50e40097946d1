import { defineGroup } from "../../framework/spec.ts";
import { setCommand, showCommand } from "./client-server-api-extensions.ts";

export const adminClientConfigGroup = defineGroup({
  name: "admin-client-config",
  summary: "Show or change how the Client-Server API behaves for your admin account.",
  commands: [showCommand, setCommand],
});
