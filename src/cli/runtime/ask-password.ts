import type { CommandContext } from "./context.ts";
import { UsageError } from "./errors.ts";

/** Asks for a new password twice, hidden; never in batch mode, where there is nobody to ask. */
export async function askNewPassword(context: CommandContext): Promise<string> {
  if (context.globals.batch)
    throw new UsageError("no password given: in batch mode pass it with the password option");
  const first = await context.prompt.ask("New password", { hidden: true });
  const second = await context.prompt.ask("Repeat for confirmation", { hidden: true });
  if (first !== second) throw new UsageError("the two passwords differ");
  if (first === "") throw new UsageError("the password is empty");
  return first;
}
