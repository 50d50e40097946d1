import { EXPERIMENTAL_FEATURES } from "../../../api/resources/experimental-features.ts";
import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import { document } from "../../runtime/output/result.ts";
import type { listParameters, setParameters } from "./experimental-features.ts";

export const listFeatures: RunFor<typeof listParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).experimentalFeatures.get(userId));
};

export const setFeatures: RunFor<typeof setParameters> = async (context, { args }) => {
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
  return document(await experimentalFeatures.get(userId));
};
