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
  description:
    "Renew a user's account validity, on servers with account_validity enabled. A server that delegates " +
    "auth to MAS has none: the command says so and fails.",
  ...renewParameters,
  examples: [["synadm user renew alice", "Alice's account stays valid for another period"]],
  load: () => import("./account-validity.run.ts").then((m) => m.renewAccount),
});
