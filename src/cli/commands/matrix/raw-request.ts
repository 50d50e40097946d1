import { argument, defineParameters, flag, option } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { rawDataSection, rawRequestOptions } from "../../runtime/raw-request/options.ts";

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
  examples: [
    ["synadm matrix raw client/v3/account/whoami", "Whom the configured token belongs to"],
    ['synadm matrix raw -t "$ALICE_TOKEN" client/v3/joined_rooms', "The rooms of another token's user"],
  ],
  load: () => import("./raw-request.run.ts").then((m) => m.matrixRawRequest),
});
