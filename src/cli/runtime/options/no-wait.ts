import { type FlagSpec, flag } from "../../framework/spec.ts";

/** `--no-wait` of a command that follows the server job it starts; `job` names it ("delete", "purge"). */
export function noWaitOption(job: string): FlagSpec<boolean> {
  return flag("--no-wait", `Print the ${job} ID and return at once instead of following the ${job}.`);
}
