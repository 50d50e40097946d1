import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { masAccountOf } from "../../runtime/mas-accounts.ts";
import { underMas } from "../../runtime/mas-routing.ts";
import { document } from "../../runtime/output/result.ts";
import type { setServerAdminParameters, showServerAdminParameters } from "./server-admin.ts";

// Under MAS the admin right is MAS's user flag (who may ask for admin scopes). Synapse's own flag,
// which MAS never sets, is set to match, so that `user list -a` and `user details` agree with MAS.
export const showServerAdmin: RunFor<typeof showServerAdminParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  if (await underMas(context)) return document({ admin: (await masAccountOf(context, userId)).user.admin });
  return document(await (await context.admin()).users.isAdmin(userId));
};

function setServerAdmin(admin: boolean): RunFor<typeof setServerAdminParameters> {
  return async (context, { options, args }) => {
    const userId = await context.userId(args.userId);
    const action = admin ? `Make ${userId} a server admin` : `Revoke the server-admin flag of ${userId}`;
    if (await underMas(context)) {
      const { mas, id } = await masAccountOf(context, userId);
      const done = await changeAfterConfirmation(context, options.dryRun, action, async () => {
        await mas.users.setAdmin(id, { admin });
        return (await context.admin()).users.createOrModify(userId, { admin });
      });
      // Synapse answers {} here; so does synadm under MAS.
      return done ? document({}) : undefined;
    }
    const { users } = await context.admin();
    const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
      users.setAdmin(userId, { admin }),
    );
    return result ? document(result) : undefined;
  };
}

export const grantServerAdmin: RunFor<typeof setServerAdminParameters> = setServerAdmin(true);
export const revokeServerAdmin: RunFor<typeof setServerAdminParameters> = setServerAdmin(false);
