// List all pushers (User Admin API).
import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { userIdArgument } from "../../runtime/options/user-id.ts";

export const pushersParameters = defineParameters({ options: {}, args: { userId: userIdArgument } });

export const pushersCommand = defineCommand({
  name: "pushers",
  summary: "List a user's pushers.",
  ...pushersParameters,
  examples: [["synadm user pushers alice", "Where alice's notifications are pushed"]],
  load: () => import("./pushers.run.ts").then((m) => m.pushers),
});
