// The account itself (User Admin API): query, create or modify, deactivate,
// reset the password, suspend, shadow-ban, and let the master cross-signing key be replaced.
import { defineParameters, flag, option, pair, toggle } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { userIdArgument } from "../../runtime/options/user-id.ts";

const userId = { userId: userIdArgument };

export const detailsParameters = defineParameters({ options: {}, args: userId });

export const modifyParameters = defineParameters({
  options: {
    passwordPrompt: flag("-p, --password-prompt", "Ask for the new password (hidden, typed twice)."),
    password: option("-P, --password", text, "Set this password (visible in shell history; prefer -p)."),
    displayName: option("-n, --display-name", text, "Set the display name."),
    threepid: pair(
      "-t, --threepid",
      [text, text],
      ["MEDIUM", "ADDRESS"],
      "Set a third-party ID (email or msisdn); repeat for several. Replaces all existing ones.",
    ),
    clearThreepids: flag("--clear-threepids", "Remove every third-party ID."),
    avatarUrl: option("-v, --avatar-url", text, "Set the avatar (an mxc:// URI)."),
    admin: toggle("-a, --admin", "-u, --no-admin", "Make the user a server admin, or not."),
    activate: flag("--activate", "Reactivate a deactivated user (needs a password too)."),
    deactivate: flag("--deactivate", "Deactivate the user (see 'user deactivate')."),
    userType: option("--user-type", text, "Set the user type: bot, support, or regular (no type)."),
    noLogout: flag("--no-logout", "Keep the user's sessions when setting a password."),
    lock: toggle("-l, --lock", "-L, --unlock", "Lock the account (no logins), or unlock it."),
    dryRun,
  },
  args: userId,
  rules: {
    exclusive: [
      ["passwordPrompt", "password"],
      ["activate", "deactivate"],
      ["threepid", "clearThreepids"],
    ],
    requireOne: [
      [
        "passwordPrompt",
        "password",
        "displayName",
        "threepid",
        "clearThreepids",
        "avatarUrl",
        "admin",
        "activate",
        "deactivate",
        "userType",
        "lock",
      ],
    ],
  },
});

export const deactivateParameters = defineParameters({
  options: {
    gdprErase: flag(
      "-e, --gdpr-erase",
      "Also mark the user GDPR-erased: their messages are hidden from new room members.",
    ),
    dryRun,
  },
  args: userId,
});

export const passwordParameters = defineParameters({
  options: {
    noLogout: flag("-n, --no-logout", "Keep the user's sessions."),
    password: option("-p, --password", text, "The new password; asked for (hidden, twice) when not given."),
    dryRun,
  },
  args: userId,
});

export const shadowBanParameters = defineParameters({
  options: { unban: flag("-u, --unban", "Lift the shadow-ban."), dryRun },
  args: userId,
});

export const suspendParameters = defineParameters({
  options: { unsuspend: flag("--unsuspend, -U", "Lift the suspension."), dryRun },
  args: userId,
});

export const allowCrossSigningResetParameters = defineParameters({ options: { dryRun }, args: userId });

const run = () => import("./accounts.run.ts");

export const detailsCommand = defineCommand({
  name: "details",
  summary: "Show a user account.",
  ...detailsParameters,
  examples: [["synadm user details alice", "Alice's account (a localpart is enough)"]],
  load: () => run().then((m) => m.userDetails),
});

export const modifyCommand = defineCommand({
  name: "modify",
  summary: "Create a local user or change one.",
  description:
    "Create a local user or change one. Only the fields given are changed; the current and the new values " +
    "are shown before asking for confirmation. When the server delegates auth to MAS, a new user is created " +
    "in MAS, and the password, admin flag, lock and deactivation are set there; the profile stays Synapse's.",
  ...modifyParameters,
  examples: [
    ["synadm user modify bob -P 'correct horse battery' -n Bob", "Create bob, or set his password and name"],
    ["synadm user modify bob -a", "Make bob a server admin"],
  ],
  load: () => run().then((m) => m.modifyUser),
});

export const deactivateCommand = defineCommand({
  name: "deactivate",
  summary: "Deactivate (and optionally GDPR-erase) a user.",
  description:
    "Deactivate a user: log them out everywhere, remove them from their rooms, reset their password and " +
    "delete their third-party IDs. Shows the account and its rooms and asks first.",
  ...deactivateParameters,
  examples: [
    ["synadm user deactivate spammer", "Deactivate an account, after asking"],
    ["synadm --batch user deactivate -e @troll:example.org", "Deactivate and GDPR-erase, without asking"],
  ],
  load: () => run().then((m) => m.deactivateUser),
});

export const passwordCommand = defineCommand({
  name: "password",
  summary: "Set a user's password.",
  description:
    "Set a user's password, logging them out everywhere unless -n. When the server delegates auth to MAS, " +
    "the password is set in MAS, and synadm ends the user's MAS sessions itself (MAS does not) unless -n.",
  ...passwordParameters,
  examples: [
    ["synadm user password alice", "Set a password (asked for, hidden); logs her out everywhere"],
    ["synadm user password alice -n", "The same, keeping her sessions"],
  ],
  load: () => run().then((m) => m.setPassword),
});

export const shadowBanCommand = defineCommand({
  name: "shadow-ban",
  summary: "Shadow-ban a user (their messages silently go nowhere), or lift it.",
  ...shadowBanParameters,
  examples: [
    ["synadm user shadow-ban @spammer:example.org", "Their messages silently reach nobody"],
    ["synadm user shadow-ban -u @spammer:example.org", "Lift the shadow-ban"],
  ],
  load: () => run().then((m) => m.shadowBanUser),
});

export const suspendCommand = defineCommand({
  name: "suspend",
  summary: "Suspend a user (no messages, joins, invites or profile changes), or lift it.",
  ...suspendParameters,
  examples: [
    ["synadm user suspend alice", "Alice can read but not send, join or invite"],
    ["synadm user suspend -U alice", "Lift the suspension"],
  ],
  load: () => run().then((m) => m.suspendUser),
});

export const allowCrossSigningResetCommand = defineCommand({
  name: "allow-cross-signing-reset",
  summary: "Let a user replace their master cross-signing key without re-authenticating, for 10 minutes.",
  ...allowCrossSigningResetParameters,
  examples: [
    ["synadm user allow-cross-signing-reset alice", "Alice may replace her lost master key for 10 minutes"],
  ],
  load: () => run().then((m) => m.allowCrossSigningReset),
});
