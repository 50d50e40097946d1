import { NotFoundError } from "../../../api/errors.ts";
import { parseMxcUri } from "../../../api/ids.ts";
import type { UserDetails, UserUpdate } from "../../../api/resources/users.ts";
import { askNewPassword } from "../../runtime/ask-password.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation, confirmOrStop } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { underMas } from "../../runtime/mas-routing.ts";
import { document } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type {
  allowCrossSigningResetParameters,
  deactivateParameters,
  detailsParameters,
  modifyParameters,
  passwordParameters,
  shadowBanParameters,
  suspendParameters,
} from "./accounts.ts";
import { touchesMas } from "./mas-fields.ts";

export const userDetails: RunFor<typeof detailsParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.get(userId));
};

const KNOWN_MEDIA = ["email", "msisdn"];

export const modifyUser: RunFor<typeof modifyParameters> = async (context, { options, args }) => {
  const settingPassword = options.password !== undefined || options.passwordPrompt;
  if (settingPassword && options.deactivate) {
    throw new UsageError("setting a password and deactivating the user together makes no sense");
  }
  if (options.avatarUrl !== undefined && options.avatarUrl !== "") parseMxcUri(options.avatarUrl);
  for (const [medium] of options.threepid) {
    if (!KNOWN_MEDIA.includes(medium))
      context.log.warn(`third-party ID medium "${medium}" is neither email nor msisdn`);
  }
  const userId = await context.userId(args.userId);
  const password = options.passwordPrompt ? await askNewPassword(context) : options.password;

  const update: UserUpdate = {};
  if (password !== undefined) update.password = password;
  if (options.displayName !== undefined) update.displayname = options.displayName;
  if (options.threepid.length > 0)
    update.threepids = options.threepid.map(([medium, address]) => ({ medium, address }));
  if (options.clearThreepids) update.threepids = [];
  if (options.avatarUrl !== undefined) update.avatar_url = options.avatarUrl;
  if (options.admin !== undefined) update.admin = options.admin;
  if (options.activate) update.deactivated = false;
  if (options.deactivate) update.deactivated = true;
  if (options.userType !== undefined)
    update.user_type = options.userType === "regular" ? null : options.userType;
  if (options.lock !== undefined) update.locked = options.lock;
  // synadm accepted --no-logout but never sent it; here it is sent.
  if (options.noLogout) update.logout_devices = false;

  const admin = await context.admin();
  const current = await admin.users.get(userId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });
  context.note(
    current
      ? `Current settings of ${userId}:\n${describe(current)}`
      : `${userId} does not exist yet; it will be created.`,
  );
  context.note(
    `Changes:\n${describe({ ...update, ...(password === undefined ? {} : { password: "<hidden>" }) })}`,
  );
  if (options.dryRun) return undefined;
  await confirmOrStop(context, `${current ? "Modify" : "Create"} user ${userId}?`);
  // A change of the profile alone of an existing user stays Synapse's, and needs no MAS token.
  if ((!current || touchesMas(update)) && (await underMas(context))) {
    const { modifyUnderMas } = await import("./modify-under-mas.ts");
    return document(await modifyUnderMas(context, userId, update, current !== undefined));
  }
  return document(await admin.users.createOrModify(userId, update));
};

// The current settings are the server's (a display name is anyone's text): one escaped line each.
function describe(fields: Partial<UserDetails> | UserUpdate): string {
  return Object.entries(fields)
    .map(([key, value]) => {
      const text = typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
      return `  ${escapeTerminalText(key)}: ${escapeTerminalText(text)}`;
    })
    .join("\n");
}

export const deactivateUser: RunFor<typeof deactivateParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const admin = await context.admin();
  const [user, rooms] = await Promise.all([admin.users.get(userId), admin.users.joinedRooms(userId)]);
  const action = options.gdprErase ? "deactivate and GDPR-erase" : "deactivate";
  context.note(
    `${userId} (${user.displayname == null ? "no display name" : escapeTerminalText(user.displayname)}) is in ${rooms.total} room(s)${user.deactivated ? " and already deactivated" : ""}.\n` +
      "Deactivating logs the user out everywhere, removes them from their rooms, resets their password and " +
      "deletes their third-party IDs.",
  );
  if (options.dryRun) {
    context.note(`Would ${action} ${userId}.`);
    return undefined;
  }
  await confirmOrStop(context, `${capitalize(action)} ${userId}?`);
  if (await underMas(context)) {
    // Synapse alone would leave the account usable in MAS: MAS deactivates both.
    const { deactivateInMas } = await import("../../runtime/mas-accounts.ts");
    return document(await deactivateInMas(context, userId, options.gdprErase));
  }
  return document(await admin.users.deactivate(userId, { erase: options.gdprErase }));
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const setPassword: RunFor<typeof passwordParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const newPassword = options.password ?? (await askNewPassword(context));
  const action = `Set a new password for ${userId}${options.noLogout ? "" : " and log them out everywhere"}`;
  if (await underMas(context)) {
    const done = await changeAfterConfirmation(
      context,
      options.dryRun,
      action,
      () => setPasswordInMas(context, userId, newPassword, !options.noLogout),
      "when-configured",
    );
    return done ? document(done) : undefined;
  }
  const { users } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => users.resetPassword(userId, { newPassword, logoutDevices: !options.noLogout }),
    "when-configured",
  );
  return result ? document(result) : undefined;
};

/**
 * MAS sets a password without logging anyone out: synadm ends the user's
 * sessions itself unless `--no-logout`, and says what it did on stderr.
 * Answers `{}`, as Synapse's password reset does.
 */
async function setPasswordInMas(
  context: CommandContext,
  userId: string,
  password: string,
  logout: boolean,
): Promise<Record<string, never>> {
  const { endSessionsInMas, masAccountOf } = await import("../../runtime/mas-accounts.ts");
  const { mas, id } = await masAccountOf(context, userId);
  await mas.users.setPassword(id, { password });
  if (!logout) {
    context.note(`Password set in MAS; ${userId}'s sessions stay (MAS ends none when a password is set).`);
    return {};
  }
  const ended = await endSessionsInMas(mas, id);
  context.note(
    `Password set in MAS, which ends no sessions itself: synadm ended ${ended} active session(s) of ${userId} ` +
      "(Matrix logins, OAuth 2.0 and browser sessions); personal sessions made by admins stay.",
  );
  return {};
}

export const shadowBanUser: RunFor<typeof shadowBanParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const action = `${options.unban ? "Lift the shadow-ban of" : "Shadow-ban"} ${userId}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => (options.unban ? users.unshadowBan(userId) : users.shadowBan(userId)),
    "when-configured",
  );
  return result ? document(result) : undefined;
};

export const suspendUser: RunFor<typeof suspendParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const action = `${options.unsuspend ? "Lift the suspension of" : "Suspend"} ${userId}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.setSuspended(userId, { suspended: !options.unsuspend }),
  );
  return result ? document(result) : undefined;
};

export const allowCrossSigningReset: RunFor<typeof allowCrossSigningResetParameters> = async (
  context,
  { options, args },
) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const action = `Let ${userId} replace their master cross-signing key without re-authenticating for 10 minutes`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.allowCrossSigningReplacement(userId),
  );
  return result ? document(result) : undefined;
};
