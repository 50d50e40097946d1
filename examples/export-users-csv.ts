// Writes every local user, deactivated ones included, as CSV on stdout:
//
//   SYNAPSE_URL=... SYNAPSE_TOKEN=... npx tsx examples/export-users-csv.ts > users.csv
//
// Rows are written as the pages arrive, so memory stays flat on large servers.
import { SynapseAdmin } from "synadm";

const { SYNAPSE_URL, SYNAPSE_TOKEN } = process.env;
if (!SYNAPSE_URL || !SYNAPSE_TOKEN) throw new Error("set SYNAPSE_URL and SYNAPSE_TOKEN");
const admin = new SynapseAdmin({ baseUrl: SYNAPSE_URL, accessToken: SYNAPSE_TOKEN });

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function field(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const isoDate = (ms: unknown): string => (typeof ms === "number" ? new Date(ms).toISOString() : "");

const columns = ["user_id", "displayname", "admin", "deactivated", "created", "last_seen"];
process.stdout.write(`${columns.join(",")}\n`);
for await (const user of admin.users.list({ deactivated: true })) {
  const row = [
    user.name,
    user.displayname,
    user.admin,
    user.deactivated,
    isoDate(user.creation_ts),
    isoDate(user.last_seen_ts),
  ];
  process.stdout.write(`${row.map(field).join(",")}\n`);
}
