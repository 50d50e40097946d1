// Creating (or updating) users from a CSV file, as 'user export' writes them.
import { argument, defineParameters, flag, optionWithDefault } from "../../framework/spec.ts";
import { choice, filePath } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";

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

export const importCommand = defineCommand({
  name: "import",
  summary: "Create (or update) users from a CSV file.",
  description:
    "Reads every row first and refuses the file if any row is bad. New users without a password get a " +
    "generated one, printed once in the summary and kept nowhere else. --dry-run checks each row against " +
    "the server and says what would be created, updated or skipped.",
  ...importParameters,
  examples: [
    ["synadm user import --dry-run staff.csv", "Check a CSV file against the server, creating nobody"],
    [
      "synadm --batch user import staff.csv > passwords.json",
      "Create the users; generated passwords go to stdout",
    ],
  ],
  load: () => import("./import.run.ts").then((m) => m.importUsers),
});
