// synadm's own logins at MAS: a person's device login, and forgetting it.
import { defineParameters, optionWithDefault } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { LOGIN_SCOPES } from "../../runtime/oauth-tokens.ts";

export const loginParameters = defineParameters({
  options: {
    scope: optionWithDefault(
      "-s, --scope",
      text,
      "The scope to ask for (space-separated): by default MAS's admin API, Synapse's Admin API and the client API.",
      LOGIN_SCOPES,
    ),
  },
  args: {},
});
export const logoutParameters = defineParameters({ options: {}, args: {} });

const run = () => import("./login.run.ts");

export const loginCommand = defineCommand({
  name: "login",
  summary: "Log in at MAS with a device code; later commands use the token it gives.",
  description:
    "Log in as a person at the Matrix Authentication Service with the device authorization grant " +
    "(RFC 8628), as synadm's OAuth 2.0 client mas_client_id (no secret needed): synadm shows a web " +
    "address and a code on stderr, you open the address in any browser, log in there and enter the code, " +
    "and synadm waits until you have. The tokens are kept in $XDG_CACHE_HOME/synadm/oauth-tokens.json " +
    "(mode 0600), refreshed when they expire, and used for MAS's admin API and, when no token is " +
    "configured, for Synapse's Admin API too. Never printed.",
  ...loginParameters,
  examples: [
    ["synadm mas login", "Log in with a device code, for MAS's and Synapse's admin APIs"],
    ['synadm mas login -s "urn:mas:admin"', "Log in for MAS's admin API only"],
  ],
  load: () => run().then((m) => m.login),
});

export const logoutCommand = defineCommand({
  name: "logout",
  summary: "Forget synadm's MAS tokens (and revoke them where MAS offers it).",
  description:
    "Forget the tokens synadm keeps for this issuer (device logins and client credentials), after " +
    "revoking them at MAS's revocation_endpoint when its metadata names one.",
  ...logoutParameters,
  examples: [["synadm mas logout", "Log out: the cached MAS tokens are revoked and forgotten"]],
  load: () => run().then((m) => m.logout),
});
