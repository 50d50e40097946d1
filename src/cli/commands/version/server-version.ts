import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";

export const versionParameters = defineParameters({ options: {}, args: {} });

export const versionCommand = defineCommand({
  name: "version",
  summary: "Show the Synapse server's version.",
  description: "Show the version of Synapse running on the configured server (Version API).",
  ...versionParameters,
  examples: [["synadm version", "The server's Synapse version"]],
  load: () => import("./server-version.run.ts").then((m) => m.serverVersion),
});
