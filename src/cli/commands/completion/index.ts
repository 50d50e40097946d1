import { defineGroup } from "../../framework/spec.ts";
import { bashCommand, fishCommand, zshCommand } from "./shell-scripts.ts";

export const completionGroup = defineGroup({
  name: "completion",
  summary: "Print a shell completion script (bash, zsh, fish).",
  description:
    "Print a script that completes synadm's commands, options and option values in your shell. " +
    "It is made from the same command definitions the parser reads, so it always matches this version.",
  commands: [bashCommand, zshCommand, fishCommand],
});
