import { argument, defineParameters, variadicArgument } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

const userId = argument("USER_ID", text);
export const listParameters = defineParameters({ options: {}, args: { userId } });
export const setParameters = defineParameters({
  options: {},
  args: { userId, features: variadicArgument("FEATURE=true|false", text, "e.g. msc3881=true msc3575=false") },
});

export const listCommand = defineCommand({
  name: "list",
  summary: "Show a user's experimental features.",
  ...listParameters,
  examples: [["synadm experimental-features list alice", "The features alice has turned on"]],
  load: () => import("./experimental-features.run.ts").then((m) => m.listFeatures),
});

export const setCommand = defineCommand({
  name: "set",
  summary: "Turn features on or off for a user.",
  ...setParameters,
  examples: [
    ["synadm experimental-features set alice msc3881=true msc3575=false", "Turn one feature on and one off"],
  ],
  load: () => import("./experimental-features.run.ts").then((m) => m.setFeatures),
});
