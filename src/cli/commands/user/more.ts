import { readFile } from "node:fs/promises";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation, confirmOrStop } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { askNewPassword } from "./changes.ts";
import type {
  changeWithConfirmParameters,
  deleteDevicesParameters,
  deviceParameters,
  listV3Parameters,
  registerParameters,
  renameDeviceParameters,
  renewParameters,
  setRateLimitParameters,
  sinceParameters,
  usernameParameters,
  userOnlyParameters,
} from "./more-commands.ts";

type UserOnly = RunFor<typeof userOnlyParameters>;

async function usersApi(context: CommandContext, user: string) {
  const userId = await context.userId(user);
  return { userId, users: (await context.admin()).users };
}

export const listDevices: UserOnly = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  const devices = await users.devices(userId);
  await context.print(devices, devices.devices);
};

export const showDevice: RunFor<typeof deviceParameters> = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.device(userId, args.deviceId));
};

export const createDevice: RunFor<typeof deviceParameters> = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.createDevice(userId, args.deviceId));
};

export const renameDevice: RunFor<typeof renameDeviceParameters> = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.renameDevice(userId, args.deviceId, args.name));
};

export const deleteDevices: RunFor<typeof deleteDevicesParameters> = async (context, { options, args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  const ids = args.deviceIds;
  const action = `Delete ${ids.length} device(s) of ${userId} (${ids.join(", ")}) and their access tokens`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    ids.length === 1 ? users.deleteDevice(userId, ids[0]!) : users.deleteDevices(userId, ids),
  );
  if (result) await context.print(result);
};

export const showRateLimit: UserOnly = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.rateLimit(userId));
};

export const setRateLimit: RunFor<typeof setRateLimitParameters> = async (context, { options, args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  const limit = { messages_per_second: options.messagesPerSecond, burst_count: options.burstCount };
  const action = `Override the rate limit of ${userId} with ${JSON.stringify(limit)}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.setRateLimit(userId, limit),
  );
  if (result) await context.print(result);
};

export const deleteRateLimit: RunFor<typeof changeWithConfirmParameters> = async (
  context,
  { options, args },
) => {
  const { userId, users } = await usersApi(context, args.userId);
  const action = `Remove the rate-limit override of ${userId}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.deleteRateLimit(userId),
  );
  if (result) await context.print(result);
};

export const showServerAdmin: UserOnly = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.isAdmin(userId));
};

function setServerAdmin(admin: boolean): RunFor<typeof changeWithConfirmParameters> {
  return async (context, { options, args }) => {
    const { userId, users } = await usersApi(context, args.userId);
    const action = admin ? `Make ${userId} a server admin` : `Revoke the server-admin flag of ${userId}`;
    const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
      users.setAdmin(userId, admin),
    );
    if (result) await context.print(result);
  };
}
export const grantServerAdmin = setServerAdmin(true);
export const revokeServerAdmin = setServerAdmin(false);

export const accountData: UserOnly = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.accountData(userId));
};

export const pushers: UserOnly = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  const result = await users.pushers(userId);
  await context.print(result, result.pushers);
};

export const memberships: UserOnly = async (context, { args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.memberships(userId));
};

export const sentInviteCount: RunFor<typeof sinceParameters> = async (context, { options, args }) => {
  const since = options.since === "0" ? 0 : parseTimeSpec(options.since);
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.sentInviteCount(userId, since));
};

export const joinedRoomCount: RunFor<typeof sinceParameters> = async (context, { options, args }) => {
  const since = options.since === "0" ? 0 : parseTimeSpec(options.since);
  const { userId, users } = await usersApi(context, args.userId);
  await context.print(await users.cumulativeJoinedRoomCount(userId, since));
};

export const usernameAvailable: RunFor<typeof usernameParameters> = async (context, { args }) => {
  await context.print(await (await context.admin()).users.usernameAvailable(args.localpart));
};

export const allowCrossSigningReset: RunFor<typeof changeWithConfirmParameters> = async (
  context,
  { options, args },
) => {
  const { userId, users } = await usersApi(context, args.userId);
  const action = `Let ${userId} replace their master cross-signing key without re-authenticating for 10 minutes`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.allowCrossSigningReplacement(userId),
  );
  if (result) await context.print(result);
};

export const deleteMedia: RunFor<typeof changeWithConfirmParameters> = async (context, { options, args }) => {
  const { userId, users } = await usersApi(context, args.userId);
  const { total } = await users.mediaPage(userId, { limit: 1 });
  context.note(`${userId} has uploaded ${total} media file(s).`);
  if (options.dryRun || total === 0) {
    if (options.dryRun) context.note(`Would delete ${total} media file(s).`);
    await context.print({ deleted_media: [], total: 0 });
    return;
  }
  await confirmOrStop(context, `Delete all ${total} media file(s) uploaded by ${userId}?`);
  // The endpoint deletes one page at a time; repeat until nothing is left.
  const deleted: string[] = [];
  for (;;) {
    const page = await users.deleteMedia(userId, { limit: 500 });
    deleted.push(...page.deleted_media);
    if (page.deleted_media.length === 0) break;
  }
  await context.print({ deleted_media: deleted, total: deleted.length });
};

export const listV3: RunFor<typeof listV3Parameters> = async (context, { options }) => {
  const page = await (await context.admin()).users.listPageV3({
    from: options.from,
    limit: options.limit,
    ...(options.deactivated === undefined ? {} : { deactivated: options.deactivated }),
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.userId === undefined ? {} : { userId: options.userId }),
  });
  await context.print(page, page.users);
};

export const renew: RunFor<typeof renewParameters> = async (context, { options, args }) => {
  const expirationTs = options.expiration === undefined ? undefined : parseTimeSpec(options.expiration);
  const userId = await context.userId(args.userId);
  const result = await (await context.admin()).accountValidity.renew(userId, {
    ...(expirationTs === undefined ? {} : { expirationTs }),
    ...(options.noRenewalEmails ? { enableRenewalEmails: false } : {}),
  });
  await context.print(result);
};

export const register: RunFor<typeof registerParameters> = async (context, { options, args }) => {
  let sharedSecret = options.sharedSecret;
  if (options.sharedSecretFile !== undefined) {
    try {
      sharedSecret = (await readFile(options.sharedSecretFile, "utf8")).trim();
    } catch (error) {
      throw new UsageError(`cannot read the shared secret: ${(error as Error).message}`);
    }
  }
  if (!sharedSecret) {
    throw new UsageError(
      "no shared secret: give --shared-secret-file, --shared-secret or $SYNADM_SHARED_SECRET",
    );
  }
  const localpart = args.username.replace(/^@/, "").split(":")[0]!;
  const password = options.password ?? (await askNewPassword(context));
  const admin = await context.adminWithoutToken();
  const result = await admin.register.register({
    sharedSecret,
    username: localpart,
    password,
    admin: options.admin,
    ...(options.displayName === undefined ? {} : { displayname: options.displayName }),
    ...(options.userType === undefined ? {} : { userType: options.userType }),
  });
  await context.print(result);
};
