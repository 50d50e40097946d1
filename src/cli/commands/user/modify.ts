import { NotFoundError } from "../../../api/errors.ts";
import { parseMxcUri } from "../../../api/ids.ts";
import type { UserDetails, UserUpdate } from "../../../api/resources/users.ts";
import type { RunFor } from "../../runtime/command.ts";
import { confirmOrStop } from "../../runtime/confirm.ts";
import { UsageError } from "../../runtime/errors.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { askNewPassword } from "./changes.ts";
import type { modifyParameters } from "./index.ts";

const KNOWN_MEDIA = ["email", "msisdn"];

const run: RunFor<typeof modifyParameters> = async (context, { options, args }) => {
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
  if (options.dryRun) return;
  await confirmOrStop(context, `${current ? "Modify" : "Create"} user ${userId}?`);
  await context.print(await admin.users.createOrModify(userId, update));
};
export default run;

// The current settings are the server's (a display name is anyone's text): one escaped line each.
function describe(fields: Partial<UserDetails> | UserUpdate): string {
  return Object.entries(fields)
    .map(([key, value]) => {
      const text = typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
      return `  ${escapeTerminalText(key)}: ${escapeTerminalText(text)}`;
    })
    .join("\n");
}
