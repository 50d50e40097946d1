import { argument, defineParameters, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const matrixLoginParameters = defineParameters({
  options: {
    password: option("-p, --password", text, "The user's password; asked for (hidden) when not given."),
  },
  args: { userId: argument("USER_ID", text) },
});

export const matrixLoginCommand = defineCommand({
  name: "login",
  summary: "Log in as a user with a password and print the new access token.",
  description:
    "Log in to Matrix with a user's password and print the answer, which holds a new access token and device ID. " +
    "The new device shows up in the user's device list as 'synadm matrix login command'. When the server " +
    "delegates auth to the Matrix Authentication Service, Synapse serves no password login: the login goes " +
    "to MAS, at the issuer the homeserver names.",
  ...matrixLoginParameters,
  examples: [
    ["synadm matrix login alice", "Log in as alice with her password (asked for); prints the token"],
  ],
  load: () => import("./login.run.ts").then((m) => m.matrixLogin),
});
