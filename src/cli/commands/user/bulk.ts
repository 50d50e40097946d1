// Acting on many users at once: deactivating those a pattern or a list names,
// finding the inactive ones, and exporting every user as CSV.
import { argument, defineParameters, flag, optionWithDefault } from "../../framework/spec.ts";
import { filePath, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";
import { listTimes } from "../../runtime/options/datetime.ts";

const pageSize = optionWithDefault(
  "-p, --batch-size, --paginate",
  integerAtLeast(1),
  "Users fetched per page.",
  500,
);

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

export const deactivateManyParameters = defineParameters({
  options: {
    gdprErase: flag("-e, --gdpr-erase", "Also mark the users GDPR-erased."),
    ...bulkOptions("Deactivations"),
  },
  args: {
    file: argument(
      "FILE",
      filePath,
      "One user ID or localpart per line ('-' reads stdin; # starts a comment).",
    ),
  },
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
    datetime: listTimes,
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

const run = () => import("./bulk.run.ts");

export const deactivateRegexCommand = defineCommand({
  name: "deactivate-regex",
  summary: "Deactivate (or erase) every user whose ID matches a regular expression.",
  description:
    "Find every user whose full ID matches REGEX from its first character (like Python's re.match), show " +
    "them, ask once, then deactivate them a few at a time. Prints one summary of what was done and what failed.",
  ...deactivateRegexParameters,
  examples: [["synadm user deactivate-regex '@spam[0-9]+:' -n", "The users it would deactivate"]],
  load: () => run().then((m) => m.deactivateRegex),
});

export const deactivateManyCommand = defineCommand({
  name: "deactivate-many",
  summary: "Deactivate every user listed in a file or on stdin.",
  description:
    "Deactivates the users listed one per line, several at once, with progress on stderr. Asks first " +
    "(--batch: does not). An interrupted run goes on with --resume; --dry-run only checks the list.",
  ...deactivateManyParameters,
  examples: [
    ["synadm --batch user deactivate-many spammers.txt", "Deactivate the users listed, one per line"],
  ],
  load: () => run().then((m) => m.deactivateMany),
});

export const inactiveCommand = defineCommand({
  name: "inactive",
  summary: "List users not seen for a while (by last_seen_ts), oldest first.",
  description:
    "Walks the user list sorted by last activity and stops at the first user seen recently, so it reads " +
    "only the inactive part. Deactivated users are never listed; admins and users never seen only when asked.",
  ...inactiveParameters,
  examples: [
    ["synadm -o human user inactive --since 180d", "Users not seen for half a year, oldest first"],
    ["synadm user inactive -s 365d --ids-only > stale.txt", "Their IDs, for 'user deactivate-many'"],
  ],
  load: () => run().then((m) => m.inactiveUsers),
});

export const exportCommand = defineCommand({
  name: "export",
  summary: "Write every user as CSV on stdout (the columns 'user import' reads).",
  ...exportParameters,
  examples: [["synadm user export > users.csv", "Every user as CSV"]],
  load: () => run().then((m) => m.exportUsers),
});
