// Finding a user (User Admin API): by their ID at an auth provider, by a
// third-party ID, and whether a username is still available.
import { argument, defineParameters, option, optionWithDefault } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const authProviderParameters = defineParameters({
  options: {
    provider: option(
      "-p, --provider",
      text,
      "The provider's ID as in m.login.sso, e.g. oidc, google, github.  [required]",
    ),
  },
  args: { externalUserId: argument("EXTERNAL_USER_ID", text) },
  rules: { requireOne: [["provider"]] },
});

export const threepidParameters = defineParameters({
  options: {
    medium: optionWithDefault("-m, --medium", text, "The kind of third-party ID: email or msisdn.", "email"),
  },
  args: { address: argument("ADDRESS", text) },
});

export const usernameParameters = defineParameters({
  options: {},
  args: { localpart: argument("LOCALPART", text) },
});

const run = () => import("./lookup.run.ts");

export const authProviderCommand = defineCommand({
  name: "auth-provider",
  summary: "Find a user by their ID at an SSO/OIDC provider.",
  ...authProviderParameters,
  examples: [
    ["synadm user auth-provider 103847562 -p oidc-github", "The user who signs in with that GitHub account"],
  ],
  load: () => run().then((m) => m.authProvider),
});

export const threepidCommand = defineCommand({
  name: "3pid",
  summary: "Find a user by a third-party ID (e-mail address or phone number).",
  ...threepidParameters,
  examples: [["synadm user 3pid alice@example.org", "The account using that e-mail address"]],
  load: () => run().then((m) => m.threepid),
});

export const usernameAvailableCommand = defineCommand({
  name: "username-available",
  summary: "Whether a localpart is free to register.",
  ...usernameParameters,
  examples: [["synadm user username-available alice", "Whether @alice can still be registered"]],
  load: () => run().then((m) => m.usernameAvailable),
});
