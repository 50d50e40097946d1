// Commands that act on many users at once, beyond synadm 0.49.2.

import {
  type AnyCommandSpec,
  argument,
  defineParameters,
  flag,
  optionWithDefault,
} from "../../framework/spec.ts";
import { choice, filePath, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";

const listFile = argument(
  "FILE",
  filePath,
  "One user ID or localpart per line ('-' reads stdin; # starts a comment).",
);

const pageSize = optionWithDefault(
  "-p, --batch-size, --paginate",
  integerAtLeast(1),
  "Users fetched per page.",
  500,
);

export const deactivateManyParameters = defineParameters({
  options: {
    gdprErase: flag("-e, --gdpr-erase", "Also mark the users GDPR-erased."),
    ...bulkOptions("Deactivations"),
  },
  args: { file: listFile },
});

export const inactiveParameters = defineParameters({
  options: {
    since: optionWithDefault(
      "-s, --since",
      text,
      "Not seen for this long: a duration like 90d, 26w or 12h.",
      "90d",
      { metavar: "DURATION" },
    ),
    includeAdmins: flag("--include-admins", "List inactive server admins too (left out by default)."),
    neverSeen: flag("--include-never-seen", "List users with no recorded activity at all too."),
    idsOnly: flag(
      "--ids-only",
      "Print only the user IDs, one per line (input for 'user deactivate-many -').",
    ),
    batchSize: pageSize,
  },
  args: {},
});

export const exportParameters = defineParameters({
  options: {
    deactivated: flag("-d, --deactivated", "Include deactivated users."),
    batchSize: pageSize,
  },
  args: {},
});

export const importParameters = defineParameters({
  options: {
    onConflict: optionWithDefault(
      "--on-conflict",
      choice(["skip", "update"] as const),
      "What to do with a row whose user exists: leave the account alone, or change it to the row's values.",
      "skip",
    ),
    noPasswords: flag(
      "--no-generated-passwords",
      "Create new users whose row has no password without one (for SSO-only servers) instead of generating one.",
    ),
    skipBadRows: flag(
      "--skip-bad-rows",
      "Import the good rows and report the bad ones, instead of refusing the whole file.",
    ),
    ...bulkOptions("Accounts written"),
  },
  args: {
    file: argument(
      "CSV_FILE",
      filePath,
      "Columns (header row): user_id (or localpart), password, displayname, admin, email, user_type, " +
        "locked, deactivated; only user_id is required. '-' reads stdin.",
    ),
  },
});

const bulk = () => import("./bulk.ts");

/** The group's bulk commands. */
export const bulkUserCommands: readonly AnyCommandSpec[] = [
  defineCommand({
    name: "deactivate-many",
    summary: "Deactivate every user listed in a file or on stdin.",
    description:
      "Deactivates the users listed one per line, several at once, with progress on stderr. Asks first " +
      "(--batch: does not). An interrupted run goes on with --resume; --dry-run only checks the list.",
    ...deactivateManyParameters,
    load: () => bulk().then((m) => ({ default: m.deactivateMany })),
  }),
  defineCommand({
    name: "inactive",
    summary: "List users not seen for a while (by last_seen_ts), oldest first.",
    description:
      "Walks the user list sorted by last activity and stops at the first user seen recently, so it reads " +
      "only the inactive part. Deactivated users are never listed; admins and users never seen only when asked.",
    ...inactiveParameters,
    load: () => bulk().then((m) => ({ default: m.inactive })),
  }),
  defineCommand({
    name: "export",
    summary: "Write every user as CSV on stdout (the columns 'user import' reads).",
    ...exportParameters,
    load: () => bulk().then((m) => ({ default: m.exportUsers })),
  }),
  defineCommand({
    name: "import",
    summary: "Create (or update) users from a CSV file.",
    description:
      "Reads every row first and refuses the file if any row is bad. New users without a password get a " +
      "generated one, printed once in the summary and kept nowhere else. --dry-run checks each row against " +
      "the server and says what would be created, updated or skipped.",
    ...importParameters,
    load: () => import("./import.ts"),
  }),
];
