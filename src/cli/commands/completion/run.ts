import { bashScript } from "../../framework/completion/bash.ts";
import { fishScript } from "../../framework/completion/fish.ts";
import { buildCompletionModel, type CompletionModel } from "../../framework/completion/model.ts";
import { zshScript } from "../../framework/completion/zsh.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { globalOptions } from "../../runtime/options/global.ts";
import type { scriptParameters } from "./index.ts";

type Run = RunFor<typeof scriptParameters>;

function printer(script: (model: CompletionModel) => string): Run {
  return async (context: CommandContext) => {
    if (!context.commandTree) throw new Error("completion needs the command tree");
    context.io.stdout.write(script(buildCompletionModel(context.commandTree, globalOptions)));
  };
}

export const printBashScript: Run = printer(bashScript);
export const printZshScript: Run = printer(zshScript);
export const printFishScript: Run = printer(fishScript);
