import { defineGroup, defineParameters, toggle } from "../../framework/spec.ts";
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

export const adminClientConfigGroup = defineGroup({
  name: "admin-client-config",
  summary: "Show or change how the Client-Server API behaves for your admin account.",
  commands: [
    defineCommand({
      name: "show",
      summary: "Show the admin client config.",
      ...showParameters,
      load: () => import("./run.ts").then((m) => ({ default: m.show })),
    }),
    defineCommand({
      name: "set",
      summary: "Change the admin client config (other settings are kept).",
      ...setParameters,
      load: () => import("./run.ts").then((m) => ({ default: m.set })),
    }),
  ],
});
