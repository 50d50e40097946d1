// The registration tokens of a server that delegates auth to MAS are MAS's
// (`user-registration-tokens`): synadm's regtok commands use them, in
// synadm's shapes. MAS cannot delete a token, only revoke it; a revoked token
// counts as deleted here (not listed, not found), as in Synapse.
import { randomInt } from "node:crypto";
import type { MasAdmin } from "../../../api/mas-admin.ts";
import type { MasUserRegistrationToken } from "../../../api/resources/mas-registration-tokens.ts";
import type { MasResourceObject } from "../../../api/resources/mas-resource.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { CliError } from "../../runtime/errors.ts";

/** A token as Synapse's Admin API shows one. */
export interface SynadmToken {
  token: string;
  uses_allowed: number | null;
  pending: number;
  completed: number;
  expiry_time: number | null;
}

/** Tokens looked through at most, listing or finding one: MAS pages them by 100. */
const MAX_TOKENS = 100_000;

/**
 * MAS's attributes in Synapse's keys: `usage_limit` is `uses_allowed`,
 * `times_used` is `completed` (MAS counts a use once the registration is
 * done, so nothing is `pending`), and `expires_at` becomes epoch milliseconds.
 */
export function synadmShapeOf(token: MasResourceObject<MasUserRegistrationToken>): SynadmToken {
  const { attributes } = token;
  return {
    token: attributes.token,
    uses_allowed: attributes.usage_limit ?? null,
    pending: 0,
    completed: attributes.times_used,
    expiry_time: attributes.expires_at ? Date.parse(attributes.expires_at) : null,
  };
}

/** The tokens not revoked, only the valid or the invalid ones when asked. */
export async function masTokens(context: CommandContext, valid?: boolean): Promise<SynadmToken[]> {
  const mas = await context.mas();
  const found: SynadmToken[] = [];
  const filters = { revoked: false, ...(valid === undefined ? {} : { valid }) };
  for await (const token of mas.registrationTokens.list({ ...filters, first: 100 })) {
    if (found.length >= MAX_TOKENS) throw new CliError(`more than ${MAX_TOKENS} registration tokens in MAS`);
    found.push(synadmShapeOf(token));
  }
  return found;
}

/** MAS's ID of a token given by its text; a revoked or unknown one is not found, as Synapse says. */
export async function masTokenId(mas: MasAdmin, text: string): Promise<string> {
  let seen = 0;
  for await (const token of mas.registrationTokens.list({ revoked: false, first: 100 })) {
    if (token.attributes.token === text) return token.id;
    if (++seen >= MAX_TOKENS) break;
  }
  throw new CliError(`no registration token ${text} in MAS (revoked ones count as deleted)`);
}

// What Synapse generates tokens from.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-";

/** A token of `length` characters, as Synapse would generate (MAS's own are of its length). */
export function generatedToken(length: number): string {
  let token = "";
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

/** Epoch milliseconds as MAS's date-time. */
export function masDate(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
