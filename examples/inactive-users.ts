// Lists local users not seen for a while (default 90 days), oldest first:
//
//   SYNAPSE_URL=https://matrix.example.org SYNAPSE_TOKEN=syt_... npx tsx examples/inactive-users.ts 180d
//
// Users who never logged in count from their creation. Output is tab-separated:
// user ID, last seen (or "never"), created; pipe it to `cut -f1` for the IDs alone.
import { parseDuration, SynapseAdmin } from "synadm";

const { SYNAPSE_URL, SYNAPSE_TOKEN } = process.env;
if (!SYNAPSE_URL || !SYNAPSE_TOKEN) throw new Error("set SYNAPSE_URL and SYNAPSE_TOKEN");
const admin = new SynapseAdmin({ baseUrl: SYNAPSE_URL, accessToken: SYNAPSE_TOKEN });

const cutoff = Date.now() - parseDuration(process.argv[2] ?? "90d");
const inactive: Array<{ name: string; lastActive: number; seen: boolean; created: number | null }> = [];
// The list is fetched page by page as it is iterated; deactivated users are left out by default.
for await (const user of admin.users.list({ admins: false })) {
  const seen = user.last_seen_ts !== null;
  // Never seen: active when created; an account without a creation time counts as long inactive.
  const lastActive = user.last_seen_ts ?? user.creation_ts ?? 0;
  if (lastActive < cutoff) inactive.push({ name: user.name, lastActive, seen, created: user.creation_ts });
}

inactive.sort((a, b) => a.lastActive - b.lastActive);
for (const user of inactive) {
  const lastSeen = user.seen ? new Date(user.lastActive).toISOString() : "never";
  const created = user.created === null ? "unknown" : new Date(user.created).toISOString();
  console.log(`${user.name}\t${lastSeen}\t${created}`);
}
console.error(`${inactive.length} user(s) inactive since ${new Date(cutoff).toISOString()}`);
