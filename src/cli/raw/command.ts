import { argument, defineCommand, defineParameters } from "../parser/spec.ts";
import { text } from "../parser/values.ts";
import { rawDataSection, rawRequestOptions } from "./request-options.ts";

export const rawParameters = defineParameters({
  options: rawRequestOptions,
  args: { endpoint: argument("ENDPOINT", text) },
  rules: { exclusive: [["data", "dataFile"]], sections: [rawDataSection] },
});

export const rawCommand = defineCommand({
  name: "raw",
  summary: "Send any request to the Synapse Admin API.",
  description:
    "Send a request to any Admin API endpoint. ENDPOINT is the part of the URL after the base URL and the " +
    "admin path (see 'synadm config'), already URL-encoded; a query string may follow it.",
  examples: [
    "synadm raw v1/server_version",
    "synadm raw v2/users/%40alice%3Aexample.org",
    "synadm raw -m post v1/registration_tokens/new -d '{\"uses_allowed\": 1}'",
  ],
  ...rawParameters,
  load: () => import("./run.ts"),
});
