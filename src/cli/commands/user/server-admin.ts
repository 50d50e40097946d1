// Whether a user is a server administrator, and changing it (User Admin API).
import { defineGroup, defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { userIdArgument as userId } from "../../runtime/options/user-id.ts";

export const showServerAdminParameters = defineParameters({ options: {}, args: { userId } });
export const setServerAdminParameters = defineParameters({ options: { dryRun }, args: { userId } });

const run = () => import("./server-admin.run.ts");

export const serverAdminGroup = defineGroup({
  name: "server-admin",
  summary: "Show, grant or revoke a user's server-admin flag.",
  commands: [
    defineCommand({
      name: "show",
      summary: "Whether the user is a server admin.",
      ...showServerAdminParameters,
      examples: [["synadm user server-admin show alice", "Whether alice is a server admin"]],
      load: () => run().then((m) => m.showServerAdmin),
    }),
    defineCommand({
      name: "grant",
      summary: "Make the user a server admin.",
      ...setServerAdminParameters,
      examples: [["synadm user server-admin grant alice", "Make alice a server admin"]],
      load: () => run().then((m) => m.grantServerAdmin),
    }),
    defineCommand({
      name: "revoke",
      summary: "Make the user an ordinary user.",
      ...setServerAdminParameters,
      examples: [["synadm user server-admin revoke alice", "Make alice an ordinary user again"]],
      load: () => run().then((m) => m.revokeServerAdmin),
    }),
  ],
});
