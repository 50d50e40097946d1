import { MEDIA_ORDERS, USER_ORDERS } from "../../../api/orders.ts";
import {
  argument,
  defineGroup,
  defineParameters,
  flag,
  option,
  optionWithDefault,
  pair,
  repeatable,
  toggle,
  toggleWithDefault,
} from "../../framework/spec.ts";
import { choice, integer, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";
import { datetimeOption } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { bulkUserCommands } from "./bulk-commands.ts";
import { moreUserCommands } from "./more-commands.ts";

const userId = {
  userId: argument("USER_ID", text, "A user ID (@alice:example.org) or a bare localpart (alice)."),
};
export const listParameters = defineParameters({
  options: {
    from: optionWithDefault(
      "-f, --from",
      integerAtLeast(0),
      "Start at this offset (a next_token) for paging.",
      0,
    ),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Users per page.", 100),
    guests: toggle("-g, --guests", "-G, --no-guests", "Include, or leave out, guest users."),
    deactivated: flag("-d, --deactivated", "Include deactivated and erased users."),
    admins: toggle(
      "-a, --admins",
      "-A, --non-admins",
      "Only admins, or only non-admins; both when not given.",
    ),
    sortBy: option("--sort-by", choice(USER_ORDERS), "Sort by this field."),
    reverse: flag("--reverse", "Reverse the order."),
    excludeUserType: repeatable(
      "--exclude-user-type",
      text,
      'Leave out users of this type: "bot", "support", or "" for users without a type.',
    ),
    locked: flag("-L, --locked", "Include locked users."),
    name: option("-n, --name", text, "Only users whose localpart or display name contains this."),
    userId: option("-i, --user-id", text, "Only users whose ID contains this."),
    all: flag("--all", "Follow the pages to the end and print every user (streamed)."),
  },
  args: {},
  rules: {
    exclusive: [["name", "userId"]],
    sections: [{ title: "Search options [mutually exclusive]", options: ["name", "userId"] }],
  },
});

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

export const deactivateRegexParameters = defineParameters({
  options: {
    gdprErase: flag("-e, --gdpr-erase", "Also mark the users GDPR-erased."),
    batchSize: optionWithDefault(
      "-p, --batch-size, --paginate",
      integerAtLeast(1),
      "Users fetched per page while searching (does not limit how many are deactivated).",
      500,
    ),
    includeSelf: flag("--include-self", "Also deactivate the account of the configured token if it matches."),
    ...bulkOptions(
      "Deactivations",
      flag("-n, --dry-run", "List the users that would be deactivated and change nothing."),
    ),
  },
  args: {
    regex: argument("REGEX", text, "A regular expression matched from the start of each full user ID."),
  },
});

const pruneBulk = bulkOptions("Device deletes");
export const pruneDevicesParameters = defineParameters({
  options: {
    listOnly: flag("-l, --list-only, --dry-run", "Only list the devices that would be deleted."),
    minDays: optionWithDefault(
      "-d, --min-days",
      integerAtLeast(0),
      "Only devices not seen for this many days.",
      90,
    ),
    minSurviving: optionWithDefault(
      "-s, --min-surviving",
      integerAtLeast(0),
      "Always keep at least this many devices.",
      1,
    ),
    deviceId: option("-i, --device-id", text, "Only this device."),
    datetime: datetimeOption("'last seen'"),
    // Its own -l/--dry-run lists the devices, as synadm's did.
    concurrency: pruneBulk.concurrency,
    resume: pruneBulk.resume,
    restart: pruneBulk.restart,
    summary: pruneBulk.summary,
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

export const membershipParameters = defineParameters({
  options: {
    aliases: toggleWithDefault(
      "--aliases",
      "--ids",
      "Show rooms by their aliases, or by room ID.  [default: aliases]",
      true,
    ),
  },
  args: userId,
});

export const searchParameters = defineParameters({
  options: {
    from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset for paging.", 0),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Users per search.", 100),
  },
  args: { searchTerm: argument("SEARCH_TERM", text) },
});

export const mediaParameters = defineParameters({
  options: {
    from: optionWithDefault("-f, --from", integerAtLeast(0), "Start at this offset for paging.", 0),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Media per page.", 100),
    sort: option(
      "-s, --sort, --order-by",
      choice(MEDIA_ORDERS),
      "Sort by this field (only media_id and created_ts are indexed).",
    ),
    reverse: flag("-r, --reverse", "Reverse the order."),
    datetime: datetimeOption("creation and last access"),
  },
  args: userId,
});

export const loginParameters = defineParameters({
  options: {
    expireDays: option("-d, --expire-days", integerAtLeast(1), "The token expires after this many days."),
    expire: option("--expire", text, "The token expires at this time (2024-05-01, 2024-05-01T12:00:00).", {
      metavar: "DATETIME",
    }),
    expireTs: option("--expire-ts", integer, "The token expires at this epoch time in milliseconds."),
    expireNever: flag("--expire-never", "The token never expires."),
  },
  args: userId,
  rules: {
    exclusive: [["expireDays", "expire", "expireTs", "expireNever"]],
    sections: [
      {
        title: "Token expires [mutually exclusive]",
        options: ["expireDays", "expire", "expireTs", "expireNever"],
      },
    ],
  },
});

export const shadowBanParameters = defineParameters({
  options: { unban: flag("-u, --unban", "Lift the shadow-ban."), dryRun },
  args: userId,
});

export const suspendParameters = defineParameters({
  options: { unsuspend: flag("--unsuspend, -U", "Lift the suspension."), dryRun },
  args: userId,
});

export const redactParameters = defineParameters({
  options: {
    room: repeatable(
      "-r, --room",
      text,
      "Only in this room (a room ID); repeat for several. Default: every room.",
    ),
    reason: option("--reason", text, "Reason, shown in every redaction event."),
    limit: option("-l, --limit", integerAtLeast(1), "Events searched per room (Synapse's default: 1000)."),
    noWait: flag(
      "--no-wait",
      "Print the redaction ID and return at once instead of following it to its end.",
    ),
    dryRun,
  },
  args: userId,
});

export const redactStatusParameters = defineParameters({
  options: {},
  args: { redactId: argument("REDACT_ID", text) },
});

export const authProviderParameters = defineParameters({
  options: {
    provider: option(
      "-p, --provider",
      text,
      "The provider's ID as in m.login.sso, e.g. oidc, google, github.  [required]",
    ),
  },
  args: { externalUserId: argument("EXTERNAL_USER_ID", text) },
  rules: { requireOne: [["provider"]] },
});

export const threepidParameters = defineParameters({
  options: {
    medium: optionWithDefault("-m, --medium", text, "The kind of third-party ID: email or msisdn.", "email"),
  },
  args: { address: argument("ADDRESS", text) },
});

const lookups = () => import("./lookups.ts");
const changes = () => import("./changes.ts");

export const userGroup = defineGroup({
  name: "user",
  summary: "List, create, modify, deactivate and inspect users.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List users, or search them.",
      ...listParameters,
      load: () => import("./list.ts"),
    }),
    defineCommand({
      name: "details",
      summary: "Show a user account.",
      ...detailsParameters,
      load: () => lookups().then((m) => ({ default: m.details })),
    }),
    defineCommand({
      name: "whois",
      summary: "Show a user's sessions: devices, IP addresses, last seen.",
      ...detailsParameters,
      load: () => lookups().then((m) => ({ default: m.whois })),
    }),
    defineCommand({
      name: "modify",
      summary: "Create a local user or change one.",
      description:
        "Create a local user or change one. Only the fields given are changed; the current and the new values " +
        "are shown before asking for confirmation.",
      ...modifyParameters,
      load: () => import("./modify.ts"),
    }),
    defineCommand({
      name: "deactivate",
      summary: "Deactivate (and optionally GDPR-erase) a user.",
      description:
        "Deactivate a user: log them out everywhere, remove them from their rooms, reset their password and " +
        "delete their third-party IDs. Shows the account and its rooms and asks first.",
      ...deactivateParameters,
      load: () => changes().then((m) => ({ default: m.deactivate })),
    }),
    defineCommand({
      name: "deactivate-regex",
      summary: "Deactivate (or erase) every user whose ID matches a regular expression.",
      description:
        "Find every user whose full ID matches REGEX from its first character (like Python's re.match), show " +
        "them, ask once, then deactivate them a few at a time. Prints one summary of what was done and what failed.",
      ...deactivateRegexParameters,
      load: () => import("./deactivate-regex.ts"),
    }),
    defineCommand({
      name: "prune-devices",
      summary: "Delete a user's old devices (and their access tokens).",
      description:
        "Delete a user's devices not seen for --min-days days, oldest first, always keeping --min-surviving devices. " +
        "Deleting devices affects end-to-end encryption for the user.",
      ...pruneDevicesParameters,
      load: () => import("./prune-devices.ts"),
    }),
    defineCommand({
      name: "password",
      summary: "Set a user's password.",
      ...passwordParameters,
      load: () => changes().then((m) => ({ default: m.password })),
    }),
    defineCommand({
      name: "membership",
      summary: "List the rooms a user has joined.",
      ...membershipParameters,
      load: () => lookups().then((m) => ({ default: m.membership })),
    }),
    defineCommand({
      name: "search",
      summary: "Search users by name, including deactivated and guest users, ignoring case.",
      ...searchParameters,
      load: () => lookups().then((m) => ({ default: m.search })),
    }),
    defineCommand({
      name: "media",
      summary: "List the media a user uploaded.",
      ...mediaParameters,
      load: () => lookups().then((m) => ({ default: m.media })),
    }),
    defineCommand({
      name: "login",
      summary: "Get an access token of a user (no new device; expires after a day unless told otherwise).",
      description:
        "Get an access token to act as a user. It creates no device, so the user does not see it. Without an " +
        "--expire option the token expires after one day. Respect the user's privacy.",
      ...loginParameters,
      load: () => changes().then((m) => ({ default: m.login })),
    }),
    defineCommand({
      name: "shadow-ban",
      summary: "Shadow-ban a user (their messages silently go nowhere), or lift it.",
      ...shadowBanParameters,
      load: () => changes().then((m) => ({ default: m.shadowBan })),
    }),
    defineCommand({
      name: "suspend",
      summary: "Suspend a user (no messages, joins, invites or profile changes), or lift it.",
      ...suspendParameters,
      load: () => changes().then((m) => ({ default: m.suspend })),
    }),
    defineCommand({
      name: "redact",
      summary: "Redact a user's events, in every room or the ones given.",
      ...redactParameters,
      load: () => changes().then((m) => ({ default: m.redact })),
    }),
    defineCommand({
      name: "redact-status",
      summary: "Show the status of a redaction started with 'user redact'.",
      ...redactStatusParameters,
      load: () => lookups().then((m) => ({ default: m.redactStatus })),
    }),
    defineCommand({
      name: "auth-provider",
      summary: "Find a user by their ID at an SSO/OIDC provider.",
      ...authProviderParameters,
      load: () => lookups().then((m) => ({ default: m.authProvider })),
    }),
    defineCommand({
      name: "3pid",
      summary: "Find a user by a third-party ID (e-mail address or phone number).",
      ...threepidParameters,
      load: () => lookups().then((m) => ({ default: m.threepid })),
    }),
    ...moreUserCommands,
    ...bulkUserCommands,
  ],
});
