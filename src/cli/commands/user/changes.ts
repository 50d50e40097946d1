import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation, confirmOrStop } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { followJob } from "../../runtime/follow-job.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type {
  deactivateParameters,
  loginParameters,
  passwordParameters,
  redactParameters,
  shadowBanParameters,
  suspendParameters,
} from "./index.ts";

export const deactivate: RunFor<typeof deactivateParameters> = async (context, { options, args }) => {
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
    return;
  }
  await confirmOrStop(context, `${capitalize(action)} ${userId}?`);
  await context.print(await admin.users.deactivate(userId, options.gdprErase));
};

export const password: RunFor<typeof passwordParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const newPassword = options.password ?? (await askNewPassword(context));
  const { users } = await context.admin();
  const action = `Set a new password for ${userId}${options.noLogout ? "" : " and log them out everywhere"}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => users.resetPassword(userId, newPassword, !options.noLogout),
    "when-configured",
  );
  if (result) await context.print(result);
};

/** Asks for a new password twice, hidden; never in batch mode, where there is nobody to ask. */
export async function askNewPassword(context: CommandContext): Promise<string> {
  if (context.globals.batch)
    throw new UsageError("no password given: in batch mode pass it with the password option");
  const first = await context.prompt.ask("New password", { hidden: true });
  const second = await context.prompt.ask("Repeat for confirmation", { hidden: true });
  if (first !== second) throw new UsageError("the two passwords differ");
  if (first === "") throw new UsageError("the password is empty");
  return first;
}

const DAY_MS = 86_400_000;

export const login: RunFor<typeof loginParameters> = async (context, { options, args }) => {
  const { parseTimeSpec } = await import("../../../api/time.ts");
  let validUntilMs: number | undefined;
  if (options.expireNever) validUntilMs = undefined;
  else if (options.expireTs !== undefined) validUntilMs = options.expireTs;
  else if (options.expire !== undefined) validUntilMs = parseTimeSpec(options.expire);
  else validUntilMs = Date.now() + (options.expireDays ?? 1) * DAY_MS;
  if (validUntilMs !== undefined && validUntilMs <= Date.now()) {
    throw new UsageError(`the expiry ${new Date(validUntilMs).toISOString()} is in the past`);
  }
  const userId = await context.userId(args.userId);
  if (!context.globals.batch) {
    context.note(
      `Logging in as ${userId}: act on their behalf only with good reason. ` +
        (validUntilMs === undefined
          ? "The token never expires."
          : `The token expires ${new Date(validUntilMs).toISOString()}.`),
    );
  }
  await context.print(await (await context.admin()).users.loginAs(userId, validUntilMs));
};

export const shadowBan: RunFor<typeof shadowBanParameters> = async (context, { options, args }) => {
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
  if (result) await context.print(result);
};

export const suspend: RunFor<typeof suspendParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const action = `${options.unsuspend ? "Lift the suspension of" : "Suspend"} ${userId}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.setSuspended(userId, !options.unsuspend),
  );
  if (result) await context.print(result);
};

export const redact: RunFor<typeof redactParameters> = async (context, { options, args }) => {
  const { parseRoomId } = await import("../../../api/ids.ts");
  const rooms = options.room.map(parseRoomId);
  const userId = await context.userId(args.userId);
  const admin = await context.admin();
  const where = rooms.length > 0 ? `in ${rooms.join(", ")}` : "in every room";
  if (options.dryRun) {
    context.note(`Would redact the events of ${userId} ${where}.`);
    return;
  }
  await confirmOrStop(context, `Redact the events of ${userId} ${where}?`, "when-configured");
  const job = await admin.users.redact(userId, {
    rooms,
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  return followJob(context, job, {
    label: "Redaction",
    idField: "redact_id",
    noWait: options.noWait,
    statusCommand: "synadm user redact-status ID",
    failures: (status) => {
      const failed = status.failed_redactions;
      const count = Array.isArray(failed) ? failed.length : Object.keys(failed ?? {}).length;
      return count === 0 ? undefined : `${count} event(s) could not be redacted (see failed_redactions)`;
    },
  });
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
