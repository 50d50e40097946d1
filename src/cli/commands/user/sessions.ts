// A user's sessions (User Admin API): query the current ones, and log in as the user.
import { defineParameters, flag, option } from "../../framework/spec.ts";
import { integer, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { userIdArgument } from "../../runtime/options/user-id.ts";

export const whoisParameters = defineParameters({ options: {}, args: { userId: userIdArgument } });

export const loginParameters = defineParameters({
  options: {
    expireDays: option("-d, --expire-days", integerAtLeast(1), "The token expires after this many days."),
    expire: option("--expire", text, "The token expires at this time (2024-05-01, 2024-05-01T12:00:00).", {
      metavar: "DATETIME",
    }),
    expireTs: option("--expire-ts", integer, "The token expires at this epoch time in milliseconds."),
    expireNever: flag("--expire-never", "The token never expires."),
  },
  args: { userId: userIdArgument },
  rules: {
    exclusive: [["expireDays", "expire", "expireTs", "expireNever"]],
    sections: [
      {
        title: "Token expires [mutually exclusive]",
        options: ["expireDays", "expire", "expireTs", "expireNever"],
      },
    ],
  },
});

const run = () => import("./sessions.run.ts");

export const whoisCommand = defineCommand({
  name: "whois",
  summary: "Show a user's sessions: devices, IP addresses, last seen.",
  ...whoisParameters,
  examples: [["synadm user whois alice", "Alice's devices, IP addresses and when she was last seen"]],
  load: () => run().then((m) => m.whoisUser),
});

export const loginCommand = defineCommand({
  name: "login",
  summary: "Get an access token of a user (no new device; expires after a day unless told otherwise).",
  description:
    "Get an access token to act as a user. It creates no device, so the user does not see it. Without an " +
    "--expire option the token expires after one day. Respect the user's privacy. When the server delegates " +
    "auth to MAS, the token is a new MAS personal session's.",
  ...loginParameters,
  examples: [
    ["synadm user login alice", "A token to act as alice for a day"],
    [
      "synadm -o json user login alice -d 7 | jq -r .access_token",
      "A token valid for a week, only the token",
    ],
  ],
  load: () => run().then((m) => m.loginAsUser),
});
