import { defineGroup } from "../../framework/spec.ts";
import { listCommand, setCommand } from "./experimental-features.ts";

export const experimentalFeaturesGroup = defineGroup({
  name: "experimental-features",
  summary: "Show or toggle a user's experimental features (msc3881, msc3575, msc4222).",
  commands: [listCommand, setCommand],
});
