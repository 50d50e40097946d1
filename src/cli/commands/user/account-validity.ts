// Account validity (its Admin API): renewing an account.
import { defineParameters, flag, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { userIdArgument } from "../../runtime/options/user-id.ts";

export const renewParameters = defineParameters({
  options: {
    expiration: option(
      "--expiration",
      text,
      "Expire at this time instead of now plus the configured period.",
    ),
    noRenewalEmails: flag("--no-renewal-emails", "Stop sending renewal e-mails to the user."),
  },
  args: { userId: userIdArgument },
});

export const renewCommand = defineCommand({
  name: "renew",
  summary: "Renew a user's account validity (servers with account_validity enabled).",
  ...renewParameters,
  examples: [["synadm user renew alice", "Alice's account stays valid for another period"]],
  load: () => import("./account-validity.run.ts").then((m) => m.renewAccount),
});
