import { defineCommand, defineParameters } from "../parser/spec.ts";

export const versionParameters = defineParameters({ options: {}, args: {} });

export const versionCommand = defineCommand({
  name: "version",
  summary: "Show the Synapse server's version.",
  description: "Show the version of Synapse running on the configured server (Version API).",
  examples: ["synadm version", "synadm -o json version | jq -r .server_version"],
  ...versionParameters,
  load: () => import("./run.ts"),
});
