import { bashScript } from "../../framework/completion/bash.ts";
import { fishScript } from "../../framework/completion/fish.ts";
import { buildCompletionModel, type CompletionModel } from "../../framework/completion/model.ts";
import { zshScript } from "../../framework/completion/zsh.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { globalOptions } from "../../runtime/options/global.ts";
import { textOf } from "../../runtime/output/result.ts";
import type { scriptParameters } from "./shell-scripts.ts";

type Run = RunFor<typeof scriptParameters>;

// A script for the shell, not a document: written as it is, whatever the output format.
function printer(script: (model: CompletionModel) => string): Run {
  return async (context: CommandContext) => {
    if (!context.commandTree) throw new Error("completion needs the command tree");
    return textOf(script(buildCompletionModel(context.commandTree, globalOptions)));
  };
}

export const bashCompletion: Run = printer(bashScript);
export const zshCompletion: Run = printer(zshScript);
export const fishCompletion: Run = printer(fishScript);
