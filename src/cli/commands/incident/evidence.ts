// The evidence bundle: what the wave was, written before anything changes, in
// a private directory a moderator can hand on. The admin's token is never in it.
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BlastRadius } from "../../../api/blast-radius.ts";
import { UsageError } from "../../runtime/errors.ts";

/**
 * The default place of a bundle: a new directory named by the time, in synadm's
 * state directory; `-2`, `-3`... after the time when an earlier run of the same
 * second (a dry run, then the run) has it.
 */
export function defaultEvidenceDir(stateDir: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "Z");
  const base = join(stateDir, "synadm", "incidents", `incident-${stamp}`);
  if (!existsSync(base)) return base;
  for (let n = 2; n < 1000; n++) if (!existsSync(`${base}-${n}`)) return `${base}-${n}`;
  // Taken too: makeEvidenceDir says so.
  return base;
}

/** Makes the bundle's directory (mode 0700): a new one, or an empty one. */
export function makeEvidenceDir(dir: string): string {
  const path = resolve(dir);
  if (existsSync(path) && readdirSync(path).length > 0)
    throw new UsageError(`the evidence directory ${path} is not empty: name a new one with --evidence`);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  return path;
}

/** Writes one file of the bundle (mode 0600), never over an existing one unless told. */
export function writeEvidenceFile(dir: string, name: string, value: unknown, replace = false): string {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: replace ? "w" : "wx" });
  chmodSync(path, 0o600);
  return path;
}

/** The bundle's files, one per kind of thing found. */
export function writeEvidence(dir: string, radius: BlastRadius, about: Record<string, unknown>): void {
  writeEvidenceFile(dir, "incident.json", {
    ...about,
    server_name: radius.server_name,
    found: {
      accounts: radius.accounts.length,
      rooms: radius.rooms.length,
      touched_rooms: radius.touched_rooms.length,
      pending_invites: radius.invites.length,
      media: radius.accounts.reduce((sum, account) => sum + account.media.length, 0),
      reports: radius.reports.length,
    },
    remote_accounts: radius.remote_accounts,
    excluded: radius.excluded,
  });
  writeEvidenceFile(
    dir,
    "accounts.json",
    radius.accounts.map((account) => ({
      user_id: account.user_id,
      why: account.why,
      details: account.details,
      whois: account.whois,
      joined_rooms: account.joined_rooms,
    })),
  );
  writeEvidenceFile(dir, "rooms.json", radius.rooms);
  writeEvidenceFile(dir, "touched-rooms.json", radius.touched_rooms);
  writeEvidenceFile(dir, "invites.json", radius.invites);
  writeEvidenceFile(
    dir,
    "media.json",
    radius.accounts.flatMap((account) =>
      // The uploader is the account itself (null in the list for media Synapse did not record it of).
      account.media.map(({ user_id: _uploader, ...media }) => ({
        user_id: account.user_id,
        mxc: `mxc://${radius.server_name}/${media.media_id}`,
        ...media,
      })),
    ),
  );
  writeEvidenceFile(dir, "reports.json", radius.reports);
}
