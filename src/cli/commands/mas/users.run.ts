import type { MasAdmin } from "../../../api/mas-admin.ts";
import { askNewPassword } from "../../runtime/ask-password.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { masUserId } from "../../runtime/mas-accounts.ts";
import { document } from "../../runtime/output/result.ts";
import { masListResult, pagingOf } from "./list-result.ts";
import type {
  changeParameters,
  createParameters,
  deactivateParameters,
  listParameters,
  setAdminParameters,
  setPasswordParameters,
  userParameters,
} from "./users.ts";

export const listUsers: RunFor<typeof listParameters> = async (context, { options }) => {
  const { admins, status, search, guests } = options;
  const filters = definedOnly({ admin: admins, status, search, legacyGuest: guests });
  return masListResult(
    context,
    (await context.mas()).users.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showUser: RunFor<typeof userParameters> = async (context, { args }) => {
  const mas = await context.mas();
  return document(await mas.users.get(await masUserId(mas, args.user)));
};

export const createUser: RunFor<typeof createParameters> = async (context, { options, args }) => {
  await context.checkAuditLog();
  const mas = await context.mas();
  return document(
    await mas.users.create({
      username: args.username,
      ...(options.skipHomeserverCheck ? { skipHomeserverCheck: true } : {}),
    }),
  );
};

/** A change to one user, confirmed first where `ask`, answering the user as MAS has it afterwards. */
function userChange(
  verb: string,
  ask: boolean,
  change: (mas: MasAdmin, id: string) => Promise<unknown>,
): RunFor<typeof changeParameters> {
  return async (context, { options, args }) => {
    const mas = await context.mas();
    const id = await masUserId(mas, args.user);
    if (!ask) {
      await context.checkAuditLog();
      return document(await change(mas, id));
    }
    const done = await changeAfterConfirmation(context, options.dryRun, `${verb} ${args.user} in MAS`, () =>
      change(mas, id),
    );
    return done === undefined ? undefined : document(done);
  };
}

export const lockUser: RunFor<typeof changeParameters> = userChange("Lock", true, (mas, id) =>
  mas.users.lock(id),
);
export const unlockUser: RunFor<typeof changeParameters> = userChange("Unlock", false, (mas, id) =>
  mas.users.unlock(id),
);
export const reactivateUser: RunFor<typeof changeParameters> = userChange("Reactivate", false, (mas, id) =>
  mas.users.reactivate(id),
);

export const deactivateUser: RunFor<typeof deactivateParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  const id = await masUserId(mas, args.user);
  const what = options.skipErase ? "Deactivate" : "Deactivate and erase";
  const done = await changeAfterConfirmation(context, options.dryRun, `${what} ${args.user} in MAS`, () =>
    mas.users.deactivate(id, options.skipErase ? { skipErase: true } : {}),
  );
  return done === undefined ? undefined : document(done);
};

export const setAdmin: RunFor<typeof setAdminParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  const id = await masUserId(mas, args.user);
  const action = options.revoke ? `Take the admin right from ${args.user}` : `Make ${args.user} an admin`;
  const done = await changeAfterConfirmation(context, options.dryRun, `${action} in MAS`, () =>
    mas.users.setAdmin(id, { admin: !options.revoke }),
  );
  return done === undefined ? undefined : document(done);
};

export const setPassword: RunFor<typeof setPasswordParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  const id = await masUserId(mas, args.user);
  const password = options.password ?? (await askNewPassword(context));
  await context.checkAuditLog();
  await mas.users.setPassword(id, {
    password,
    ...(options.skipCheck ? { skip_password_check: true } : {}),
  });
  context.note(`The password of ${args.user} is set.`);
  return undefined;
};
