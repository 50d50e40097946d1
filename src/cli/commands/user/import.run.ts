import { createHash, randomBytes } from "node:crypto";
import { NotFoundError } from "../../../api/errors.ts";
import type { UserId } from "../../../api/ids.ts";
import type { UserUpdate } from "../../../api/resources/users.ts";
import { readInput } from "../../runtime/bulk/read-items.ts";
import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { parseCsv } from "../../runtime/csv.ts";
import { UsageError } from "../../runtime/errors.ts";
import { lazyUnderMas } from "../../runtime/mas-routing.ts";
import { restoreFormulaCell } from "../../runtime/output/formula-cells.ts";
import type { importParameters } from "./import.ts";
import { modifyUnderMas } from "./modify-under-mas.ts";

const WRITTEN = ["password", "displayname", "admin", "email", "user_type", "locked", "deactivated"] as const;
// What `user export` writes besides: accepted so that an export imports back, not sent.
const IGNORED = ["creation_ts", "last_seen_ts"];

interface ImportRow {
  readonly line: number;
  readonly userId: string;
  readonly update: UserUpdate;
}

function parseBoolean(value: string, column: string): boolean {
  const word = value.trim().toLowerCase();
  if (["true", "yes", "1"].includes(word)) return true;
  if (["false", "no", "0"].includes(word)) return false;
  throw new Error(`${column} must be true or false, not "${value}"`);
}

async function readRows(
  context: CommandContext,
  text: string,
): Promise<{ rows: ImportRow[]; bad: Array<{ line: number; error: string }> }> {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    throw new UsageError(`not a CSV file: ${(error as Error).message}`);
  }
  const [header, ...records] = parsed;
  if (!header) throw new UsageError("the CSV file is empty; it needs a header row");
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const idColumn = columns.findIndex((name) => name === "user_id" || name === "localpart");
  if (idColumn < 0) throw new UsageError("the CSV header has no user_id (or localpart) column");
  const unknown = columns.filter(
    (name, i) => i !== idColumn && !(WRITTEN as readonly string[]).includes(name) && !IGNORED.includes(name),
  );
  if (unknown.length > 0)
    throw new UsageError(
      `unknown column(s) ${unknown.join(", ")}; known: user_id or localpart, ${WRITTEN.join(", ")}`,
    );

  const rows: ImportRow[] = [];
  const bad: Array<{ line: number; error: string }> = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    try {
      if (record.fields.length !== columns.length)
        throw new Error(`${record.fields.length} field(s) where the header has ${columns.length}`);
      // `user export` puts a ' before a cell a spreadsheet would run as a formula: taken away again.
      const userId = await context.userId(restoreFormulaCell(record.fields[idColumn]!.trim()));
      if (seen.has(userId)) throw new Error(`${userId} is also on line ${seen.get(userId)}`);
      seen.set(userId, record.line);
      const update: UserUpdate = {};
      columns.forEach((column, i) => {
        const value = record.fields[i]!;
        if (i === idColumn || IGNORED.includes(column) || value === "") return;
        if (column === "admin" || column === "locked" || column === "deactivated")
          update[column] = parseBoolean(value, column);
        else if (column === "email") {
          const addresses = value.split(/[;\s]+/).filter(Boolean);
          for (const address of addresses)
            if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new Error(`"${address}" is not an e-mail address`);
          update.threepids = addresses.map((address) => ({ medium: "email", address }));
          // The file's other columns go to the server as they are named (its fields, not ours to list).
        } else
          (update as Record<string, unknown>)[column] =
            column === "password" ? value : restoreFormulaCell(value);
      });
      rows.push({ line: record.line, userId, update });
    } catch (error) {
      bad.push({ line: record.line, error: (error as Error).message });
    }
  }
  return { rows, bad };
}

export const importUsers: RunFor<typeof importParameters> = async (context, { options, args }) => {
  const text = await readInput(context, args.file);
  const { rows, bad } = await readRows(context, text);
  if (bad.length > 0) {
    context.note(`Bad rows:\n${bad.map((b) => `  line ${b.line}: ${b.error}`).join("\n")}`);
    if (!options.skipBadRows)
      throw new UsageError(
        `${bad.length} bad row(s), nothing was imported; fix them or add --skip-bad-rows to import the rest`,
      );
  }
  const byId = new Map(rows.map((row) => [row.userId, row]));
  const admin = await context.admin();
  const exists = async (userId: string, signal: AbortSignal): Promise<boolean> => {
    try {
      await admin.users.get(userId as UserId, { signal });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  };
  const plan = async (userId: string, signal: AbortSignal) => {
    const existing = await exists(userId, signal);
    return existing ? (options.onConflict === "skip" ? "skip" : "update") : "create";
  };

  const masRouted = lazyUnderMas(context);
  return runBulkCommand(context, {
    command: "user import",
    identity: {
      file: createHash("sha256").update(text).digest("hex"),
      onConflict: options.onConflict,
      noPasswords: options.noPasswords,
    },
    itemField: "user_id",
    noun: `row(s) to import${bad.length ? ` (${bad.length} bad row(s) skipped)` : ""}`,
    // A dry run still asks the server which accounts exist, and changes nothing.
    ...(options.dryRun ? { resumable: false } : { question: (count) => `Import these ${count} user(s)?` }),
    selectItems: async () => rows.map((row) => row.userId),
    perform: async (userId, signal, run) => {
      const action = await plan(userId, signal);
      if (options.dryRun) return { action: `would ${action}` };
      // A password generated by an earlier attempt, kept in the journal before that attempt created the account.
      const kept = typeof run.kept?.["password"] === "string" ? run.kept["password"] : undefined;
      if (kept !== undefined && action !== "create")
        // That attempt created the account (it did not exist then) and was cut off before its line was
        // written: report its password rather than set it again (the user may have changed it since).
        return { action: "created", password: kept };
      if (action === "skip") return { action: "skipped: exists" };
      const update = { ...byId.get(userId)!.update };
      let generated: string | undefined;
      if (action === "create" && update.password === undefined && !options.noPasswords) {
        generated = kept ?? randomBytes(18).toString("base64url");
        // On disk before the account exists: a crash right after creating it cannot lose the password.
        if (kept === undefined) run.keep({ password: generated });
        update.password = generated;
      }
      // Under MAS an account is created in MAS first, never in Synapse alone.
      if (await masRouted) await modifyUnderMas(context, userId, update, action !== "create");
      else await admin.users.createOrModify(userId as UserId, update, { signal });
      // Shown here, and kept in the 0600 journal only until the run has finished without failures.
      return {
        action: action === "create" ? "created" : "updated",
        ...(generated ? { password: generated } : {}),
      };
    },
    options: { ...options, dryRun: false },
    present: (summary) => ({
      ...summary,
      dry_run: options.dryRun,
      bad_rows: bad,
    }),
  });
};
