import { rootGroup } from "../commands.ts";
import type { CommandContext } from "../context.ts";
import { globalOptions } from "../global-options.ts";
import type { RunFor } from "../parser/spec.ts";
import { bashScript } from "./bash-script.ts";
import type { scriptParameters } from "./command.ts";
import { buildCompletionModel, type CompletionModel } from "./completion-model.ts";
import { fishScript } from "./fish-script.ts";
import { zshScript } from "./zsh-script.ts";

type Run = RunFor<typeof scriptParameters>;

function printer(script: (model: CompletionModel) => string): Run {
  return async (context: CommandContext) => {
    context.io.stdout.write(script(buildCompletionModel(rootGroup, globalOptions)));
  };
}

export const printBashScript: Run = printer(bashScript);
export const printZshScript: Run = printer(zshScript);
export const printFishScript: Run = printer(fishScript);
