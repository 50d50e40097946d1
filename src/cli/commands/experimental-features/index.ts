import { argument, defineGroup, defineParameters, variadicArgument } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

const userId = argument("USER_ID", text);
export const listParameters = defineParameters({ options: {}, args: { userId } });
export const setParameters = defineParameters({
  options: {},
  args: { userId, features: variadicArgument("FEATURE=true|false", text, "e.g. msc3881=true msc3575=false") },
});

const run = () => import("./run.ts");
export const experimentalFeaturesGroup = defineGroup({
  name: "experimental-features",
  summary: "Show or toggle a user's experimental features (msc3881, msc3575, msc4222).",
  commands: [
    defineCommand({
      name: "list",
      summary: "Show a user's experimental features.",
      ...listParameters,
      load: () => run().then((m) => ({ default: m.list })),
    }),
    defineCommand({
      name: "set",
      summary: "Turn features on or off for a user.",
      ...setParameters,
      load: () => run().then((m) => ({ default: m.set })),
    }),
  ],
});
