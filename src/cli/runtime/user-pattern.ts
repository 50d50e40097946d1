import type { SynapseAdmin } from "../../api/synapse-admin.ts";
import { UsageError } from "./errors.ts";

/** A user regex as synadm matched it: Python's re.match, anchored at the start. */
export function userPattern(regex: string): RegExp {
  try {
    return new RegExp(`^(?:${regex})`, "u");
  } catch (error) {
    throw new UsageError(`the regular expression does not compile: ${(error as Error).message}`);
  }
}

/** The IDs of the (active) users matching `pattern`, in one walk through the list with one page size. */
export async function usersMatching(
  admin: SynapseAdmin,
  pattern: RegExp,
  pageSize: number,
): Promise<string[]> {
  const matches: string[] = [];
  for await (const user of admin.users.list({ limit: pageSize }))
    if (pattern.test(user.name)) matches.push(user.name);
  return matches;
}
