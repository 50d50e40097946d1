import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";

export const noParameters = defineParameters({ options: {}, args: {} });

const run = () => import("./server.run.ts");

export const versionCommand = defineCommand({
  name: "version",
  summary: "Show the version of the Matrix Authentication Service.",
  ...noParameters,
  examples: [["synadm mas version", "The MAS version the admin API reports"]],
  load: () => run().then((m) => m.masVersion),
});

export const siteConfigCommand = defineCommand({
  name: "site-config",
  summary: "Show what MAS lets users do (registration, password and email changes...).",
  ...noParameters,
  examples: [["synadm -o json mas site-config", "MAS's site configuration, as JSON"]],
  load: () => run().then((m) => m.masSiteConfig),
});
