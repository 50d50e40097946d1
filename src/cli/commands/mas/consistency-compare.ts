// `mas doctor`'s comparison of Synapse's accounts with MAS's users, and the
// repairs it proposes. Pure: what it is given in, findings out.
//
// MAS is the source of truth for auth state, so a disagreement is repaired
// towards MAS, except where MAS lacks something Synapse has:
// - only in Synapse, active: created in MAS, which adopts the existing account
//   (`skip_homeserver_check`); application-service accounts belong to their
//   appservice and are left out, an account deactivated there is only reported;
// - only in MAS, not deactivated: created in Synapse (`PUT /_synapse/admin/v2/users`)
//   with MAS's lock and admin right; deactivated in MAS: only reported;
// - deactivated on one side only: deactivated on the other (in Synapse
//   without erasing; in MAS with `skip_erase`, as Synapse already holds the
//   deactivation), the one change that does not follow MAS, because reactivating
//   an account someone deactivated is not a repair to make unasked;
// - locked or admin differ (both active): Synapse's flag set to MAS's value.
import type { Severity } from "../../runtime/severity.ts";

/** A Synapse account, as far as the comparison reads it. */
export interface SynapseAccount {
  readonly userId: string;
  readonly deactivated: boolean;
  readonly locked: boolean;
  readonly admin: boolean;
  /** The appservice the account belongs to: read (from its details) for the accounts only in Synapse. */
  readonly appserviceId?: string | null;
}

/** A MAS user, as far as the comparison reads it. */
export interface MasAccount {
  readonly id: string;
  readonly username: string;
  readonly deactivated: boolean;
  readonly locked: boolean;
  readonly admin: boolean;
  readonly legacyGuest: boolean;
}

/** What `--fix` does about a finding. */
export const REPAIRS = [
  "create-in-mas",
  "create-in-synapse",
  "deactivate-in-synapse",
  "deactivate-in-mas",
  "lock-in-synapse",
  "unlock-in-synapse",
  "grant-admin-in-synapse",
  "revoke-admin-in-synapse",
] as const;
export type Repair = (typeof REPAIRS)[number];

/** The kinds of disagreement. */
export type Check = "accounts" | "only-in-synapse" | "only-in-mas" | "deactivated" | "locked" | "admin";

/**
 * One disagreement (or, `accounts`, the summary of what was compared). Every
 * finding has every field, `null` where it has no value, so that the record
 * formats (csv, tsv) have the same columns for all.
 */
export interface ConsistencyFinding {
  readonly check: Check;
  readonly severity: Severity;
  /** The Matrix ID the account has or would have. */
  readonly user_id: string | null;
  /** MAS's ID of the user, where MAS has one. */
  readonly mas_id: string | null;
  readonly message: string;
  /** What to do; `null` when there is nothing to do. */
  readonly action: string | null;
  /** What `--fix` does; `null` when it does nothing. */
  readonly repair: Repair | null;
}

type FindingFields = Pick<ConsistencyFinding, "check" | "severity" | "message"> &
  Partial<Omit<ConsistencyFinding, "check" | "severity" | "message">>;

/** A finding with `null` for the fields it lacks. */
export function finding(fields: FindingFields): ConsistencyFinding {
  return {
    check: fields.check,
    severity: fields.severity,
    user_id: fields.user_id ?? null,
    mas_id: fields.mas_id ?? null,
    message: fields.message,
    action: fields.action ?? null,
    repair: fields.repair ?? null,
  };
}

/** What the comparison left out, and why. */
export interface Comparison {
  readonly findings: ConsistencyFinding[];
  readonly synapseAccounts: number;
  readonly masUsers: number;
  /** Accounts only in Synapse that belong to an application service. */
  readonly appserviceAccounts: number;
  /** MAS's legacy guests: Synapse's user list never shows guests. */
  readonly legacyGuests: number;
}

/** The localpart of a Matrix ID (`@alice:example.org` → `alice`); localparts never hold a colon. */
export function localpartOf(userId: string): string {
  const colon = userId.indexOf(":");
  return userId.slice(1, colon < 0 ? undefined : colon);
}

/** The accounts only in Synapse and not deactivated there: those whose appservice must be read. */
export function activeOnlyInSynapse(
  synapse: Iterable<SynapseAccount>,
  mas: ReadonlyMap<string, MasAccount>,
): SynapseAccount[] {
  return [...synapse].filter((account) => !account.deactivated && !mas.has(localpartOf(account.userId)));
}

const FIX = "synadm mas doctor --fix";

/**
 * The disagreements between Synapse's accounts and MAS's users (`mas` by
 * username), ordered by user ID then kind; MAS-only users get the Matrix ID
 * they would have on `serverName`.
 */
export function compareAccounts(
  synapse: Iterable<SynapseAccount>,
  mas: ReadonlyMap<string, MasAccount>,
  serverName: string,
): Comparison {
  const findings: ConsistencyFinding[] = [];
  const seen = new Set<string>();
  let synapseAccounts = 0;
  let appserviceAccounts = 0;
  for (const account of synapse) {
    synapseAccounts++;
    const username = localpartOf(account.userId);
    seen.add(username);
    const user = mas.get(username);
    if (user?.legacyGuest) continue;
    if (!user) {
      if (account.appserviceId) appserviceAccounts++;
      else findings.push(onlyInSynapse(account));
      continue;
    }
    findings.push(...disagreements(account, user));
  }
  let legacyGuests = 0;
  for (const user of mas.values()) {
    if (user.legacyGuest) {
      legacyGuests++;
      continue;
    }
    if (!seen.has(user.username)) findings.push(onlyInMas(user, `@${user.username}:${serverName}`));
  }
  findings.sort((a, b) => compareText(a.user_id ?? "", b.user_id ?? "") || compareText(a.check, b.check));
  return { findings, synapseAccounts, masUsers: mas.size, appserviceAccounts, legacyGuests };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function onlyInSynapse(account: SynapseAccount): ConsistencyFinding {
  const { userId } = account;
  if (account.deactivated)
    return finding({
      check: "only-in-synapse",
      severity: "info",
      user_id: userId,
      message: `${userId} is deactivated in Synapse and not in MAS (deactivated before the move to MAS?)`,
    });
  return finding({
    check: "only-in-synapse",
    severity: "error",
    user_id: userId,
    message: `${userId} is active in Synapse but MAS has no such user: it cannot log in`,
    action: `${FIX} creates it in MAS, which adopts the Synapse account`,
    repair: "create-in-mas",
  });
}

function onlyInMas(user: MasAccount, userId: string): ConsistencyFinding {
  const base = { check: "only-in-mas", user_id: userId, mas_id: user.id } as const;
  if (user.deactivated)
    return finding({
      ...base,
      severity: "info",
      message: `${userId} is deactivated in MAS and Synapse has no such account`,
    });
  return finding({
    ...base,
    severity: "error",
    message: `${userId} is ${user.locked ? "locked" : "active"} in MAS but Synapse has no such account`,
    action: `${FIX} creates it in Synapse, with MAS's lock and admin right`,
    repair: "create-in-synapse",
  });
}

function disagreements(account: SynapseAccount, user: MasAccount): ConsistencyFinding[] {
  const base = { user_id: account.userId, mas_id: user.id } as const;
  if (account.deactivated !== user.deactivated) {
    const inMas = user.deactivated;
    return [
      finding({
        ...base,
        check: "deactivated",
        severity: "error",
        message: inMas
          ? `${account.userId} is deactivated in MAS but active in Synapse`
          : `${account.userId} is deactivated in Synapse but active in MAS: it can still log in`,
        action: inMas
          ? `${FIX} deactivates it in Synapse (without erasing)`
          : `${FIX} deactivates it in MAS (without erasing); to keep it, reactivate it in Synapse instead`,
        repair: inMas ? "deactivate-in-synapse" : "deactivate-in-mas",
      }),
    ];
  }
  // A deactivated account's lock and admin right do nothing.
  if (user.deactivated) return [];
  const found: ConsistencyFinding[] = [];
  if (account.locked !== user.locked)
    found.push(
      finding({
        ...base,
        check: "locked",
        severity: "warning",
        message: `${account.userId} is ${user.locked ? "locked" : "not locked"} in MAS but ${
          account.locked ? "locked" : "not locked"
        } in Synapse`,
        action: `${FIX} ${user.locked ? "locks" : "unlocks"} it in Synapse, as MAS has it`,
        repair: user.locked ? "lock-in-synapse" : "unlock-in-synapse",
      }),
    );
  if (account.admin !== user.admin)
    found.push(
      finding({
        ...base,
        check: "admin",
        // Under MAS, Synapse takes admin rights from the token's scope, and MAS never copies its
        // admin flag into Synapse's: an admin in MAS only is normal. An admin in Synapse only is a
        // right that would come back if MAS were switched off.
        severity: user.admin ? "info" : "warning",
        message: `${account.userId} is ${user.admin ? "an admin" : "not an admin"} in MAS but ${
          account.admin ? "an admin" : "not an admin"
        } in Synapse`,
        action: `${FIX} ${user.admin ? "makes it an admin" : "takes the admin flag away"} in Synapse, as MAS has it`,
        repair: user.admin ? "grant-admin-in-synapse" : "revoke-admin-in-synapse",
      }),
    );
  return found;
}

/** The bulk engine's item of a repair: `<repair> <user ID>`, which the journal keeps. */
export function repairItem(repair: Repair, userId: string): string {
  return `${repair} ${userId}`;
}

/** The repair and user ID of an item; `undefined` for anything else (a damaged journal). */
export function parseRepairItem(item: string): { repair: Repair; userId: string } | undefined {
  const space = item.indexOf(" ");
  const repair = item.slice(0, space) as Repair;
  const userId = item.slice(space + 1);
  if (space < 0 || !REPAIRS.includes(repair) || !userId.startsWith("@") || !userId.includes(":"))
    return undefined;
  return { repair, userId };
}
