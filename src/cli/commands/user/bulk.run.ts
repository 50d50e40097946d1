import type { UserId } from "../../../api/ids.ts";
import { parseDuration } from "../../../api/time.ts";
import { readItemList } from "../../runtime/bulk/read-items.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import { deactivateInMas } from "../../runtime/mas-accounts.ts";
import { lazyUnderMas } from "../../runtime/mas-routing.ts";
import { csvRow } from "../../runtime/output/delimited.ts";
import { listIn, textOf } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { noLongerActive } from "../../runtime/still-active.ts";
import { userPattern, usersMatching } from "../../runtime/user-pattern.ts";
import type {
  deactivateManyParameters,
  deactivateRegexParameters,
  exportParameters,
  inactiveParameters,
} from "./bulk.ts";

export const deactivateRegex: RunFor<typeof deactivateRegexParameters> = async (
  context,
  { options, args },
) => {
  const pattern = userPattern(args.regex);
  const admin = await context.admin();
  // Asked once per run, and only when a user is deactivated: a dry run asks nothing more.
  const masRouted = lazyUnderMas(context);
  return runBulkCommand(context, {
    command: "user deactivate-regex",
    identity: { regex: args.regex, gdprErase: options.gdprErase },
    itemField: "user_id",
    noun: `active user(s) matching ${args.regex}`,
    question: (count) =>
      `${options.gdprErase ? "Deactivate and GDPR-erase" : "Deactivate"} these ${count} user(s)?`,
    selectItems: async () => {
      const matches = await usersMatching(admin, pattern, options.batchSize);
      if (options.includeSelf) return matches;
      // Locking oneself out is never what a pattern meant.
      const { user_id: self } = await admin.matrix.whoAmI();
      if (!matches.includes(self)) return matches;
      context.note(`Leaving out your own account ${self}, which matches; --include-self takes it in.`);
      return matches.filter((userId) => userId !== self);
    },
    perform: async (userId, signal, run) => {
      // Chosen as active: one deactivated (or gone) since, e.g. before a --resume, is left alone.
      const gone = await noLongerActive(admin, userId, signal);
      if (gone) return run.skip(gone);
      if (await masRouted) return { ...(await deactivateInMas(context, userId, options.gdprErase, signal)) };
      return {
        ...(await admin.users.deactivate(userId as UserId, { erase: options.gdprErase }, { signal })),
      };
    },
    options,
    // synadm printed several documents per user; here one list: the users (dry run), else each deactivation's answer.
    synadmDocument: (summary) =>
      summary.dry_run ? summary.not_started : [...summary.done, ...summary.failed],
  });
};

export const deactivateMany: RunFor<typeof deactivateManyParameters> = async (context, { options, args }) => {
  const admin = await context.admin();
  // Read (and check) the whole list before anything is done; localparts become full IDs.
  const users = await readItemList(context, args.file, (line) => context.userId(line));
  const masRouted = lazyUnderMas(context);
  return runBulkCommand(context, {
    command: "user deactivate-many",
    identity: { users, gdprErase: options.gdprErase },
    itemField: "user_id",
    noun: "user(s) to deactivate",
    question: (count) =>
      `${options.gdprErase ? "Deactivate and GDPR-erase" : "Deactivate"} these ${count} user(s)?`,
    selectItems: async () => users,
    perform: async (userId, signal) => {
      if (await masRouted) await deactivateInMas(context, userId, options.gdprErase, signal);
      else await admin.users.deactivate(userId as UserId, { erase: options.gdprErase }, { signal });
      return undefined;
    },
    options,
  });
};

export const inactiveUsers: RunFor<typeof inactiveParameters> = async (context, { options }) => {
  let sinceMs: number;
  try {
    sinceMs = parseDuration(options.since);
  } catch (error) {
    throw new UsageError(`invalid value for --since: ${(error as Error).message}`);
  }
  const cutoff = Date.now() - sinceMs;
  const admin = await context.admin();
  const found: Array<Record<string, unknown>> = [];
  // Oldest activity first. Never-seen users (null) sort first on SQLite and last on
  // PostgreSQL, so the walk may stop early only when they are not wanted.
  for await (const user of admin.users.list({
    orderBy: "last_seen_ts",
    limit: options.batchSize,
    ...(options.includeAdmins ? {} : { admins: false }),
  })) {
    const seen = user.last_seen_ts ?? null;
    if (seen === null) {
      if (!options.neverSeen) continue;
    } else if (seen >= cutoff) {
      if (options.neverSeen) continue;
      break;
    }
    found.push({
      name: user.name,
      displayname: user.displayname,
      last_seen_ts: seen,
      creation_ts: user.creation_ts,
      admin: user.admin,
    });
  }
  context.note(`${found.length} user(s) not seen for ${options.since}.`);
  if (options.idsOnly) {
    // Lines of plain IDs for a pipe or a file, not a document in the output format.
    return textOf(found.map((user) => `${escapeTerminalText(String(user.name))}\n`).join(""));
  }
  return listIn({ users: found, total: found.length, not_seen_since_ts: cutoff }, "users");
};

/** The columns of `user export`, which `user import` reads back. */
export const EXPORT_COLUMNS = [
  "user_id",
  "displayname",
  "admin",
  "deactivated",
  "locked",
  "user_type",
  "creation_ts",
  "last_seen_ts",
] as const;

export const exportUsers: RunFor<typeof exportParameters> = async (context, { options }) => {
  const admin = await context.admin();
  // Safe for a spreadsheet and a terminal unless --raw-cells, as `-o csv` (see output/delimited.ts).
  const cells = { raw: context.globals.rawCells };
  const users = admin.users.list({
    limit: options.batchSize,
    ...(options.deactivated ? { deactivated: true } : {}),
  });
  // Written row by row as the pages arrive: memory stays flat however many users there are.
  async function* rows(): AsyncGenerator<string> {
    yield `${csvRow(EXPORT_COLUMNS, cells)}\n`;
    let count = 0;
    for await (const user of users) {
      const row = { ...user, user_id: user.name } as Record<string, unknown>;
      yield `${csvRow(
        EXPORT_COLUMNS.map((column) => row[column]),
        cells,
      )}\n`;
      count++;
    }
    context.note(`${count} user(s) exported.`);
  }
  return textOf(rows());
};
