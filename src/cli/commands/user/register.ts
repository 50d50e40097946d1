// Shared-Secret Registration (its Admin API): a new user without an access token.
import { argument, defineParameters, flag, option } from "../../framework/spec.ts";
import { filePath, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const registerParameters = defineParameters({
  options: {
    password: option(
      "-p, --password",
      text,
      "The new user's password; asked for (hidden, twice) when not given.",
    ),
    admin: flag("-a, --admin", "Make the new user a server admin."),
    displayName: option("-n, --display-name", text, "The new user's display name."),
    userType: option("--user-type", text, "bot or support; a regular user when not given."),
    sharedSecret: option("--shared-secret", text, "The homeserver's registration_shared_secret.", {
      env: "SYNADM_SHARED_SECRET",
    }),
    sharedSecretFile: option(
      "--shared-secret-file",
      filePath,
      "Read the shared secret from this file (e.g. homeserver.yaml's value).",
    ),
  },
  args: { username: argument("LOCALPART", text) },
  rules: { exclusive: [["sharedSecret", "sharedSecretFile"]] },
});

export const registerCommand = defineCommand({
  name: "register",
  summary: "Create a user with the registration shared secret; needs no token (creates the first admin).",
  description:
    "Create a user with the homeserver's registration_shared_secret, as synapse_register_new_matrix_user does. " +
    "No access token is needed, so this creates the first admin of a fresh server; the answer holds a token " +
    "of the new user. When the server delegates auth to MAS, the user is created in MAS instead, with the " +
    "MAS token (mas_token) and no shared secret, and the answer holds no token.",
  ...registerParameters,
  examples: [
    [
      "synadm user register admin -a --shared-secret-file /etc/matrix-synapse/registration-secret",
      "Create the first admin, no token needed",
    ],
  ],
  load: () => import("./register.run.ts").then((m) => m.registerUser),
});
