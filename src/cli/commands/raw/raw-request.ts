import { argument, defineParameters } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { rawDataSection, rawRequestOptions } from "../../runtime/raw-request/options.ts";

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
  ...rawParameters,
  examples: [
    ["synadm raw v1/server_version", "Any Admin API call, here the server's version"],
    [`synadm raw -m post v1/registration_tokens/new -d '{"uses_allowed": 1}'`, "A POST with a JSON body"],
  ],
  load: () => import("./raw-request.run.ts").then((m) => m.rawRequest),
});
