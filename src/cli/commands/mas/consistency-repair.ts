// `mas doctor --fix`: one repair, checked again right before it is made (a
// resumed run may come days later, and an item cut off by a crash is tried
// again), so that no repair is ever made twice or over a change made since.
import { NotFoundError } from "../../../api/errors.ts";
import type { UserId } from "../../../api/ids.ts";
import type { MasAdmin } from "../../../api/mas-admin.ts";
import type { MasResourceObject } from "../../../api/resources/mas-resource.ts";
import type { MasUser } from "../../../api/resources/mas-users.ts";
import type { UserDetails } from "../../../api/resources/users.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import type { ItemRun } from "../../runtime/bulk/run-bulk-command.ts";
import { CliError } from "../../runtime/errors.ts";
import { localpartOf, parseRepairItem } from "./consistency-compare.ts";

async function synapseAccount(
  admin: SynapseAdmin,
  userId: string,
  signal: AbortSignal,
): Promise<UserDetails | undefined> {
  try {
    return await admin.users.get(userId as UserId, { signal });
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

async function masUser(
  mas: MasAdmin,
  username: string,
  signal: AbortSignal,
): Promise<MasResourceObject<MasUser> | undefined> {
  try {
    return (await mas.users.getByUsername(username, { signal })).data;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
}

/** Does the repair an item names, or skips it when its disagreement is gone. */
export async function performRepair(
  admin: SynapseAdmin,
  mas: MasAdmin,
  item: string,
  signal: AbortSignal,
  run: ItemRun,
): Promise<Record<string, unknown> | undefined> {
  const parsed = parseRepairItem(item);
  if (!parsed) throw new CliError(`not a repair of mas doctor: ${item}`);
  const { repair, userId } = parsed;
  const [account, user] = await Promise.all([
    synapseAccount(admin, userId, signal),
    masUser(mas, localpartOf(userId), signal),
  ]);
  const masDeactivated = Boolean(user?.attributes.deactivated_at);
  const masLocked = Boolean(user?.attributes.locked_at);
  const bothActive = account && user && !account.deactivated && !masDeactivated;
  switch (repair) {
    case "create-in-mas": {
      if (user) return run.skip("MAS has the user now");
      if (!account || account.deactivated) return run.skip("no longer active in Synapse");
      if (account.appservice_id) return run.skip("an application service's account");
      const created = await mas.users.create(
        { username: localpartOf(userId), skipHomeserverCheck: true },
        { signal },
      );
      return { mas_id: created.data.id };
    }
    case "create-in-synapse": {
      if (!user || masDeactivated) return run.skip("no longer active in MAS");
      // Synapse creates accounts unlocked: the lock is a second step, finished here after a crash between them.
      const lockMissing = masLocked && account && !account.deactivated && !account.locked;
      if (account && !lockMissing) return run.skip("Synapse has the account now");
      if (!account)
        await admin.users.createOrModify(userId as UserId, { admin: user.attributes.admin }, { signal });
      if (masLocked) await admin.users.createOrModify(userId as UserId, { locked: true }, { signal });
      return { mas_id: user.id };
    }
    case "deactivate-in-synapse": {
      if (!account || account.deactivated) return run.skip("no longer active in Synapse");
      if (!user || !masDeactivated) return run.skip("no longer deactivated in MAS");
      await admin.users.deactivate(userId as UserId, { erase: false }, { signal });
      return { mas_id: user.id };
    }
    case "deactivate-in-mas": {
      if (!user || masDeactivated) return run.skip("no longer active in MAS");
      if (!account?.deactivated) return run.skip("no longer deactivated in Synapse");
      await mas.users.deactivate(user.id, { skipErase: true }, { signal });
      return { mas_id: user.id };
    }
    case "lock-in-synapse":
    case "unlock-in-synapse": {
      const locked = repair === "lock-in-synapse";
      if (!bothActive || masLocked !== locked || account.locked === locked)
        return run.skip("the lock agrees now, or the account changed");
      await admin.users.createOrModify(userId as UserId, { locked }, { signal });
      return { mas_id: user.id };
    }
    case "grant-admin-in-synapse":
    case "revoke-admin-in-synapse": {
      const admin_ = repair === "grant-admin-in-synapse";
      if (!bothActive || user.attributes.admin !== admin_ || account.admin === admin_)
        return run.skip("the admin flag agrees now, or the account changed");
      await admin.users.createOrModify(userId as UserId, { admin: admin_ }, { signal });
      return { mas_id: user.id };
    }
  }
}
