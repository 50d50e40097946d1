import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";

export const scriptParameters = defineParameters({ options: {}, args: {} });

export const bashCommand = defineCommand({
  name: "bash",
  summary: "Completion for bash.",
  description:
    "Print the bash completion script. Load it with 'source <(synadm completion bash)' in ~/.bashrc, " +
    "or save it as ~/.local/share/bash-completion/completions/synadm.",
  ...scriptParameters,
  examples: [["source <(synadm completion bash)", "Complete synadm in the current bash"]],
  load: () => import("./shell-scripts.run.ts").then((m) => m.bashCompletion),
});

export const zshCommand = defineCommand({
  name: "zsh",
  summary: "Completion for zsh.",
  description:
    "Print the zsh completion script. Save it as _synadm in a directory of your $fpath (before " +
    "compinit runs), or load it with 'source <(synadm completion zsh)' after compinit.",
  ...scriptParameters,
  examples: [
    ["synadm completion zsh > ~/.zsh/completions/_synadm", "Install it in a directory listed in $fpath"],
  ],
  load: () => import("./shell-scripts.run.ts").then((m) => m.zshCompletion),
});

export const fishCommand = defineCommand({
  name: "fish",
  summary: "Completion for fish.",
  description:
    "Print the fish completion script. Save it as ~/.config/fish/completions/synadm.fish, " +
    "or load it with 'synadm completion fish | source'.",
  ...scriptParameters,
  examples: [
    ["synadm completion fish > ~/.config/fish/completions/synadm.fish", "Install it for every fish session"],
  ],
  load: () => import("./shell-scripts.run.ts").then((m) => m.fishCompletion),
});
