// MAS's users: the accounts themselves live in MAS on a server that delegates auth.
import { argument, defineParameters, flag, option, toggle } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { masPaging } from "./options.ts";

const user = argument("USER", text, "A username, a Matrix ID, or MAS's ID of the user.");

export const listParameters = defineParameters({
  options: {
    ...masPaging,
    admins: toggle("-a, --admins", "-A, --non-admins", "Only admins, or only non-admins."),
    status: option(
      "-s, --status",
      choice(["active", "locked", "deactivated"] as const),
      "Only users in this state.",
    ),
    search: option("-n, --search", text, "Only users whose username contains this."),
    guests: toggle("-g, --guests", "-G, --no-guests", "Only legacy guests, or no legacy guests."),
  },
  args: {},
});
export const userParameters = defineParameters({ options: {}, args: { user } });
export const changeParameters = defineParameters({ options: { dryRun }, args: { user } });
export const createParameters = defineParameters({
  options: {
    skipHomeserverCheck: flag(
      "--skip-homeserver-check",
      "Do not ask the homeserver whether the username is free.",
    ),
  },
  args: { username: argument("USERNAME", text, "The new user's username (localpart).") },
});
export const deactivateParameters = defineParameters({
  options: {
    skipErase: flag("--skip-erase", "Do not erase the user on the homeserver (keep its messages visible)."),
    dryRun,
  },
  args: { user },
});
export const setAdminParameters = defineParameters({
  options: { revoke: flag("--revoke", "Take the admin right away instead."), dryRun },
  args: { user },
});
export const setPasswordParameters = defineParameters({
  options: {
    password: option("-p, --password", text, "The new password (default: asked for, hidden)."),
    skipCheck: flag("--skip-password-check", "Accept a password MAS's complexity check would refuse."),
  },
  args: { user },
});

const run = () => import("./users.run.ts");

export const listCommand = defineCommand({
  name: "list",
  summary: "List MAS users.",
  ...listParameters,
  examples: [
    ["synadm mas user list -s locked", "The locked users"],
    ["synadm -o ndjson mas user list --all", "Every user, one JSON line each"],
  ],
  load: () => run().then((m) => m.listUsers),
});

export const showCommand = defineCommand({
  name: "show",
  summary: "Show a MAS user.",
  ...userParameters,
  examples: [["synadm mas user show alice", "Alice's MAS account: admin, locked, deactivated"]],
  load: () => run().then((m) => m.showUser),
});

export const createCommand = defineCommand({
  name: "create",
  summary: "Create a user in MAS (set its password with set-password).",
  ...createParameters,
  examples: [["synadm mas user create alice", "A new account alice, provisioned on the homeserver by MAS"]],
  load: () => run().then((m) => m.createUser),
});

export const lockCommand = defineCommand({
  name: "lock",
  summary: "Lock a user: no more logins or use of its sessions; its data stays.",
  ...changeParameters,
  examples: [["synadm mas user lock spammer", "Lock the account spammer (asks first)"]],
  load: () => run().then((m) => m.lockUser),
});

export const unlockCommand = defineCommand({
  name: "unlock",
  summary: "Unlock a locked user.",
  ...changeParameters,
  examples: [["synadm mas user unlock alice", "Let alice log in again"]],
  load: () => run().then((m) => m.unlockUser),
});

export const deactivateCommand = defineCommand({
  name: "deactivate",
  summary: "Deactivate a user (and erase it on the homeserver unless --skip-erase).",
  ...deactivateParameters,
  examples: [["synadm --batch mas user deactivate spammer", "Deactivate and erase spammer without asking"]],
  load: () => run().then((m) => m.deactivateUser),
});

export const reactivateCommand = defineCommand({
  name: "reactivate",
  summary: "Reactivate a deactivated user.",
  ...changeParameters,
  examples: [["synadm mas user reactivate alice", "Bring back alice's account"]],
  load: () => run().then((m) => m.reactivateUser),
});

export const setAdminCommand = defineCommand({
  name: "set-admin",
  summary: "Let a user request admin access, or with --revoke no longer.",
  ...setAdminParameters,
  examples: [
    ["synadm mas user set-admin alice", "Make alice an admin (asks first)"],
    ["synadm mas user set-admin --revoke bob", "Take bob's admin right away"],
  ],
  load: () => run().then((m) => m.setAdmin),
});

export const setPasswordCommand = defineCommand({
  name: "set-password",
  summary: "Set a user's password.",
  ...setPasswordParameters,
  examples: [["synadm mas user set-password alice", "Asks for alice's new password twice, hidden"]],
  load: () => run().then((m) => m.setPassword),
});
