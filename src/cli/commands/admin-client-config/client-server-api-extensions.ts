import { defineParameters, toggle } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";

export const showParameters = defineParameters({ options: {}, args: {} });
export const setParameters = defineParameters({
  options: {
    softFailed: toggle(
      "--soft-failed-events",
      "--no-soft-failed-events",
      "Show, or hide, soft-failed events in your clients' /sync and /messages.",
    ),
    spammy: toggle(
      "--policy-server-spammy-events",
      "--no-policy-server-spammy-events",
      "Show, or hide, events a policy server flagged as spam.",
    ),
  },
  args: {},
  rules: { requireOne: [["softFailed", "spammy"]] },
});

export const showCommand = defineCommand({
  name: "show",
  summary: "Show the admin client config.",
  ...showParameters,
  examples: [["synadm admin-client-config show", "What the server sends your admin account's clients"]],
  load: () => import("./client-server-api-extensions.run.ts").then((m) => m.showAdminClientConfig),
});

export const setCommand = defineCommand({
  name: "set",
  summary: "Change the admin client config (other settings are kept).",
  ...setParameters,
  examples: [
    [
      "synadm admin-client-config set --soft-failed-events",
      "Let your clients show events the server soft-failed",
    ],
  ],
  load: () => import("./client-server-api-extensions.run.ts").then((m) => m.setAdminClientConfig),
});
