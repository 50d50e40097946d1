// `mas doctor`'s reading of both sides: every Synapse account and every MAS
// user, page by page, kept as one small record each (memory grows with the
// users: some tens of MB at 100,000; refused beyond MAX_ACCOUNTS).
import { NotFoundError } from "../../../api/errors.ts";
import type { UserId } from "../../../api/ids.ts";
import type { MasAdmin } from "../../../api/mas-admin.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import { CliError } from "../../runtime/errors.ts";
import { activeOnlyInSynapse, type MasAccount, type SynapseAccount } from "./consistency-compare.ts";

/** The most accounts read from either side: a bound on memory and time. */
export const MAX_ACCOUNTS = 1_000_000;

/** Both sides, as read. */
export interface Scan {
  /** Synapse's local accounts (guests excepted), by user ID. */
  readonly synapse: Map<string, SynapseAccount>;
  /** MAS's users, by username. */
  readonly mas: Map<string, MasAccount>;
}

function tooMany(side: string): CliError {
  return new CliError(`${side} has more than ${MAX_ACCOUNTS} accounts: too many for mas doctor to compare`);
}

async function readSynapse(admin: SynapseAdmin, pageSize: number): Promise<Map<string, SynapseAccount>> {
  const accounts = new Map<string, SynapseAccount>();
  // Deactivated and locked accounts too; guests never (Synapse refuses them under MAS).
  for await (const user of admin.users.list({
    deactivated: true,
    locked: true,
    guests: false,
    limit: pageSize,
  })) {
    if (accounts.size >= MAX_ACCOUNTS) throw tooMany("Synapse");
    accounts.set(user.name, {
      userId: user.name,
      deactivated: user.deactivated,
      locked: user.locked,
      admin: user.admin,
    });
  }
  return accounts;
}

async function readMas(mas: MasAdmin, pageSize: number): Promise<Map<string, MasAccount>> {
  const users = new Map<string, MasAccount>();
  for await (const user of mas.users.list({ first: pageSize, count: "false" })) {
    if (users.size >= MAX_ACCOUNTS) throw tooMany("MAS");
    const { attributes } = user;
    users.set(attributes.username, {
      id: user.id,
      username: attributes.username,
      deactivated: Boolean(attributes.deactivated_at),
      locked: Boolean(attributes.locked_at),
      admin: attributes.admin,
      legacyGuest: attributes.legacy_guest,
    });
  }
  return users;
}

/**
 * Reads both sides at once, then the details of the accounts only in Synapse
 * (whose appservice the list does not tell), `concurrency` at a time.
 */
export async function scanAccounts(
  admin: SynapseAdmin,
  mas: MasAdmin,
  pageSize: number,
  concurrency: number,
): Promise<Scan> {
  const [synapse, masUsers] = await Promise.all([readSynapse(admin, pageSize), readMas(mas, pageSize)]);
  const pending = activeOnlyInSynapse(synapse.values(), masUsers);
  const worker = async (): Promise<void> => {
    for (let account = pending.pop(); account; account = pending.pop()) {
      try {
        const details = await admin.users.get(account.userId as UserId);
        synapse.set(account.userId, { ...account, appserviceId: details.appservice_id });
      } catch (error) {
        // Gone since the list: nothing to compare.
        if (error instanceof NotFoundError) synapse.delete(account.userId);
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { synapse, mas: masUsers };
}
