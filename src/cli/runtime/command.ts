// The framework's declarations bound to this application: implementations
// take a CommandContext and return a CommandResult (or nothing to print).
import {
  type ArgumentSpec,
  type CommandSpec,
  defineCommand as defineAnyCommand,
  type OptionSpec,
  type RunFor as RunWith,
} from "../framework/spec.ts";
import type { CommandContext } from "./context.ts";
import type { CommandResult } from "./output/result.ts";

/** What an implementation returns. */
export type CommandOutcome = CommandResult | undefined;

/** The implementation type of a command with parameters `P`. */
export type RunFor<P> = RunWith<P, CommandContext, CommandOutcome>;

/** A command of this application. */
export type Command<
  O extends Record<string, OptionSpec>,
  A extends Record<string, ArgumentSpec>,
> = CommandSpec<O, A, CommandContext, CommandOutcome>;

/** Declares a command; the identity function that gives the declaration its types. */
export function defineCommand<
  const O extends Record<string, OptionSpec>,
  const A extends Record<string, ArgumentSpec>,
>(spec: Omit<Command<O, A>, "kind">): Command<O, A> {
  return defineAnyCommand(spec);
}
