// `user modify` when the server delegates auth to MAS: the account (its
// existence, password, admin flag, lock, deactivation) is MAS's, the profile
// (display name, avatar, third-party IDs, user type) stays Synapse's; Synapse's
// own admin flag, which MAS never sets, is set to match MAS's. A user
// created here is created in MAS first, never in Synapse alone.

import type { UserId } from "../../../api/ids.ts";
import type { UserDetails, UserUpdate } from "../../../api/resources/users.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { createInMas, endSessionsInMas, type MasAccount, masAccountOf } from "../../runtime/mas-accounts.ts";
import { MAS_FIELDS, MIRRORED_FIELDS } from "./mas-fields.ts";

/**
 * Makes the changes of `update` where each is kept, in an order that works:
 * reactivating and unlocking before the profile changes, locking and
 * deactivating after. Answers the user as Synapse has them afterwards, in the
 * shape of Synapse's answer, with the admin flag MAS holds.
 */
export async function modifyUnderMas(
  context: CommandContext,
  userId: string,
  update: UserUpdate,
  exists: boolean,
): Promise<UserDetails> {
  let account: MasAccount;
  if (!exists) {
    account = await createInMas(context, userId, { password: update.password, admin: update.admin });
  } else {
    account = await masAccountOf(context, userId);
    const { mas, id, user } = account;
    if (update.deactivated === false && user.deactivated_at) await mas.users.reactivate(id);
    if (update.locked === false && user.locked_at) await mas.users.unlock(id);
    if (update.password !== undefined) {
      await mas.users.setPassword(id, { password: update.password });
      if (update.logout_devices === false)
        context.note(`Password set in MAS; ${userId}'s sessions stay (--no-logout).`);
      else
        context.note(
          `Password set in MAS, which ends no sessions itself: synadm ended ` +
            `${await endSessionsInMas(mas, id)} active session(s) of ${userId} ` +
            "(Matrix logins, OAuth 2.0 and browser sessions); personal sessions made by admins stay.",
        );
    }
    if (update.admin !== undefined && update.admin !== user.admin)
      account = { ...account, user: (await mas.users.setAdmin(id, { admin: update.admin })).data.attributes };
  }
  const synapse = await context.admin();
  const profile = Object.fromEntries(
    Object.entries(update).filter(([key]) => !MAS_FIELDS.includes(key) || MIRRORED_FIELDS.includes(key)),
  );
  if (Object.keys(profile).length > 0) await synapse.users.createOrModify(userId as UserId, profile);
  const { mas, id, user } = account;
  if (update.locked === true && !user.locked_at) await mas.users.lock(id);
  // As Synapse's `deactivated: true` here: no erasing (that is `user deactivate -e`).
  if (update.deactivated === true && !user.deactivated_at)
    await mas.users.deactivate(id, { skipErase: true });
  return { ...(await synapse.users.get(userId as UserId)), admin: account.user.admin };
}
