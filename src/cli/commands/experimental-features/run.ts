import { EXPERIMENTAL_FEATURES } from "../../../api/resources/experimental-features.ts";
import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import type { listParameters, setParameters } from "./index.ts";

export const list: RunFor<typeof listParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  await context.print(await (await context.admin()).experimentalFeatures.get(userId));
};

export const set: RunFor<typeof setParameters> = async (context, { args }) => {
  const features: Record<string, boolean> = {};
  for (const word of args.features) {
    const match = /^([a-z0-9_]+)=(true|false)$/.exec(word);
    if (!match || !(EXPERIMENTAL_FEATURES as readonly string[]).includes(match[1]!)) {
      throw new UsageError(
        `invalid feature "${word}": expected FEATURE=true|false with FEATURE one of ${EXPERIMENTAL_FEATURES.join(", ")}`,
      );
    }
    features[match[1]!] = match[2] === "true";
  }
  const userId = await context.userId(args.userId);
  const { experimentalFeatures } = await context.admin();
  await experimentalFeatures.set(userId, features);
  await context.print(await experimentalFeatures.get(userId));
};
