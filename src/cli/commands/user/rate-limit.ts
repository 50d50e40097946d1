// Override ratelimiting for users (User Admin API).
import { defineGroup, defineParameters, optionWithDefault } from "../../framework/spec.ts";
import { integerAtLeast } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { userIdArgument as userId } from "../../runtime/options/user-id.ts";

export const showRateLimitParameters = defineParameters({ options: {}, args: { userId } });
export const setRateLimitParameters = defineParameters({
  options: {
    dryRun,
    messagesPerSecond: optionWithDefault(
      "--messages-per-second",
      integerAtLeast(0),
      "Messages per second; 0 means unlimited.",
      0,
    ),
    burstCount: optionWithDefault("--burst-count", integerAtLeast(0), "Burst size; 0 means unlimited.", 0),
  },
  args: { userId },
});
export const deleteRateLimitParameters = defineParameters({ options: { dryRun }, args: { userId } });

const run = () => import("./rate-limit.run.ts");

export const rateLimitGroup = defineGroup({
  name: "ratelimit",
  summary: "Show, set or remove a user's rate-limit override.",
  commands: [
    defineCommand({
      name: "show",
      summary: "Show the override ({} when there is none).",
      ...showRateLimitParameters,
      examples: [["synadm user ratelimit show bridgebot", "A user's rate-limit override, if any"]],
      load: () => run().then((m) => m.showRateLimit),
    }),
    defineCommand({
      name: "set",
      summary: "Override the user's rate limit (0 and 0: no limit).",
      ...setRateLimitParameters,
      examples: [["synadm user ratelimit set bridgebot", "No rate limit for a bridge's bot"]],
      load: () => run().then((m) => m.setRateLimit),
    }),
    defineCommand({
      name: "delete",
      summary: "Remove the override.",
      ...deleteRateLimitParameters,
      examples: [["synadm user ratelimit delete bridgebot", "Back to the server's rate limits"]],
      load: () => run().then((m) => m.deleteRateLimit),
    }),
  ],
});
