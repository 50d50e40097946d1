import { argument, defineGroup, defineParameters, flag, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { rawDataSection, rawRequestOptions } from "../raw/request-options.ts";

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
    "The new device shows up in the user's device list as 'synadm matrix login command'.",
  ...matrixLoginParameters,
  load: () => import("./login.ts"),
});

export const matrixRawParameters = defineParameters({
  options: {
    ...rawRequestOptions,
    token: option("-t, --token", text, "Access token to use instead of the admin's.", { env: "MTOKEN" }),
    prompt: flag("-p, --prompt", "Ask for the access token (hidden input)."),
  },
  args: { endpoint: argument("ENDPOINT", text) },
  rules: {
    exclusive: [
      ["data", "dataFile"],
      ["token", "prompt"],
    ],
    sections: [rawDataSection, { title: "Matrix token [mutually exclusive]", options: ["token", "prompt"] }],
  },
});

export const matrixRawCommand = defineCommand({
  name: "raw",
  summary: "Send any request to the Matrix API.",
  description:
    "Send a request to any Matrix API endpoint. ENDPOINT is the part of the URL after the base URL and the " +
    "Matrix path (see 'synadm config'), already URL-encoded, e.g. client/versions.\n\n" +
    "The token used is, in order: the one typed at --prompt, --token, $MTOKEN, then the configured admin token. " +
    "Act on other users' behalf only with good reason.",
  ...matrixRawParameters,
  load: () => import("./raw.ts"),
});

export const matrixGroup = defineGroup({
  name: "matrix",
  summary: "Call the Matrix client-server API.",
  commands: [matrixLoginCommand, matrixRawCommand],
});
