import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document } from "../../runtime/output/result.ts";
import type { setServerAdminParameters, showServerAdminParameters } from "./server-admin.ts";

export const showServerAdmin: RunFor<typeof showServerAdminParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.isAdmin(userId));
};

function setServerAdmin(admin: boolean): RunFor<typeof setServerAdminParameters> {
  return async (context, { options, args }) => {
    const userId = await context.userId(args.userId);
    const { users } = await context.admin();
    const action = admin ? `Make ${userId} a server admin` : `Revoke the server-admin flag of ${userId}`;
    const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
      users.setAdmin(userId, { admin }),
    );
    return result ? document(result) : undefined;
  };
}

export const grantServerAdmin: RunFor<typeof setServerAdminParameters> = setServerAdmin(true);
export const revokeServerAdmin: RunFor<typeof setServerAdminParameters> = setServerAdmin(false);
