// Account Data (User Admin API): a user's global and per-room account data.
import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { userIdArgument } from "../../runtime/options/user-id.ts";

export const accountDataParameters = defineParameters({ options: {}, args: { userId: userIdArgument } });

export const accountDataCommand = defineCommand({
  name: "account-data",
  summary: "Show a user's global and per-room account data.",
  ...accountDataParameters,
  examples: [["synadm user account-data alice", "Alice's global and per-room account data"]],
  load: () => import("./account-data.run.ts").then((m) => m.accountData),
});
