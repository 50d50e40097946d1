import type { AuthDelegation } from "../../../api/auth-delegation.ts";
import { ServerFactsCache } from "./server-facts-cache.ts";

function checkDelegation(stored: unknown): AuthDelegation | undefined {
  const delegation = stored as Partial<{ delegated: unknown; issuer: unknown }> | undefined;
  if (delegation?.delegated === false) return { delegated: false };
  if (delegation?.delegated === true && typeof delegation.issuer === "string")
    return stored as AuthDelegation;
  return undefined;
}

/**
 * Remembers per base URL whether the server delegates auth (MAS), so that a
 * user list on a server without MAS costs no extra request once the answer is known.
 */
export class AuthDelegationCache extends ServerFactsCache<AuthDelegation> {
  constructor(env: Readonly<Record<string, string | undefined>>, homedir: string) {
    super(env, homedir, "auth-delegation.json", "delegation", checkDelegation);
  }
}
