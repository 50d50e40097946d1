// Containing a spam wave: from seeds to the accounts, rooms, invites, media and
// reports involved, an evidence bundle, a plan, and the plan applied.
import { defineParameters, flag, option, optionWithDefault, repeatable } from "../../framework/spec.ts";
import { choice, filePath, integerBetween, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";

/** What is done to the local accounts of the wave. */
export const ACCOUNT_ACTIONS = ["deactivate", "erase", "suspend", "shadow-ban", "none"] as const;

export const containParameters = defineParameters({
  options: {
    room: repeatable(
      "--room",
      text,
      "A room of the wave (ID or alias): its creator, members and senders are in it.",
    ),
    users: option("--users", text, "User IDs of the wave: a regular expression matched from the start.", {
      metavar: "REGEX",
    }),
    registeredAfter: option(
      "--registered-after",
      text,
      "With --users: only accounts registered after this time (2026-05-01T12:00, epoch ms, or 2h ago).",
      { metavar: "DATETIME" },
    ),
    registeredBefore: option(
      "--registered-before",
      text,
      "With --users: only accounts registered before this time.",
      { metavar: "DATETIME" },
    ),
    server: repeatable(
      "--server",
      text,
      "A remote server of the wave: the rooms its users created and their invites to local users (also to rooms on that server, read as each local account; see --no-invite-scan).",
    ),
    noInviteScan: flag(
      "--no-invite-scan",
      "With --server or server ban rules: do not read every local account's pending invites as the account (a login-as token each); invites from those servers to rooms this server is not in are then not found.",
    ),
    policyRoom: repeatable(
      "--policy-room",
      text,
      "A moderation policy room (ID or alias) the server is in: its ban rules for users, rooms and servers (globs or hashes) are seeds.",
    ),
    ids: option(
      "--ids",
      filePath,
      "A file of user IDs and room IDs of the wave, one a line ('-': stdin; # starts a comment, so aliases go to --room).",
    ),
    accounts: optionWithDefault(
      "--accounts",
      choice(ACCOUNT_ACTIONS),
      "What to do to the wave's local accounts (erase also GDPR-erases them).",
      "deactivate",
    ),
    keepRooms: flag(
      "--keep-rooms",
      "Block the wave's rooms but do not delete and purge them (the victims' invites are then rejected one by one).",
    ),
    keepEvents: flag("--keep-events", "Leave the wave's events in rooms that are not deleted unredacted."),
    loginAsLifetime: optionWithDefault(
      "--login-as-lifetime",
      integerBetween(10, 3600),
      "Seconds a victim's login-as token (to reject an invite) lives if it cannot be logged out because the run is killed; a resumed run waits that long at most.",
      120,
      { metavar: "SECONDS" },
    ),
    evidence: option(
      "--evidence",
      filePath,
      "Where to write the evidence bundle, a new directory (default: a new one in synadm's state directory).",
      { metavar: "DIR" },
    ),
    plan: option(
      "--plan",
      filePath,
      "Apply this plan (as '-o json --dry-run' printed it, edited or not) instead of finding one.",
      { metavar: "FILE" },
    ),
    ...bulkOptions(
      "Actions",
      flag("-n, --dry-run", "Find the wave, write the evidence and print the plan; change nothing."),
    ),
  },
  args: {},
});

export const containCommand = defineCommand({
  name: "contain",
  summary: "Contain a spam wave: find it from seeds, keep evidence, plan, and apply the plan.",
  description:
    "From the seeds (rooms, a user pattern with an optional registration window, remote servers, a file of " +
    "IDs, the ban rules of a policy room), finds the wave's local accounts, the rooms they created or joined, their pending invites to local " +
    "users, their media and the event reports naming them. Writes an evidence bundle (a directory, mode " +
    "0700) before changing anything, prints the plan (--dry-run stops there; -o json gives a plan file for " +
    "--plan), then applies it a few actions at a time with a journal (--resume): rooms blocked, removed " +
    "from the directory, deleted and purged (which also rejects the victims' invites), media quarantined, " +
    "events redacted, accounts deactivated, suspended or shadow-banned, and the victims' invites to rooms " +
    "that stay rejected with a short-lived login-as token each, logged out right after. Ends with a report.",
  ...containParameters,
  examples: [
    [
      "synadm -o json incident contain --users '@spam' --registered-after 6h -n > plan.json",
      "The plan for the accounts named spam* registered in the last six hours",
    ],
    ["synadm incident contain --plan plan.json", "Apply the plan, edited or not"],
  ],
  load: () => import("./contain.run.ts").then((m) => m.contain),
});
