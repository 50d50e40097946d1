import { defineGroup, defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";

export const scriptParameters = defineParameters({ options: {}, args: {} });

const run = () => import("./run.ts");

export const completionGroup = defineGroup({
  name: "completion",
  summary: "Print a shell completion script (bash, zsh, fish).",
  description:
    "Print a script that completes synadm's commands, options and option values in your shell. " +
    "It is made from the same command definitions the parser reads, so it always matches this version.",
  commands: [
    defineCommand({
      name: "bash",
      summary: "Completion for bash.",
      description:
        "Print the bash completion script. Load it with 'source <(synadm completion bash)' in ~/.bashrc, " +
        "or save it as ~/.local/share/bash-completion/completions/synadm.",
      ...scriptParameters,
      load: () => run().then((m) => ({ default: m.printBashScript })),
    }),
    defineCommand({
      name: "zsh",
      summary: "Completion for zsh.",
      description:
        "Print the zsh completion script. Save it as _synadm in a directory of your $fpath (before " +
        "compinit runs), or load it with 'source <(synadm completion zsh)' after compinit.",
      ...scriptParameters,
      load: () => run().then((m) => ({ default: m.printZshScript })),
    }),
    defineCommand({
      name: "fish",
      summary: "Completion for fish.",
      description:
        "Print the fish completion script. Save it as ~/.config/fish/completions/synadm.fish, " +
        "or load it with 'synadm completion fish | source'.",
      ...scriptParameters,
      load: () => run().then((m) => ({ default: m.printFishScript })),
    }),
  ],
});
