// The plan of an incident: every action per target, as a document a moderator
// can read, edit and hand back (--plan), and as the bulk engine's items, each
// of which says all it needs so that a resumed run needs nothing else.

import type { BlastRadius } from "../../../api/blast-radius.ts";
import type { RoomId, UserId } from "../../../api/ids.ts";
import { UsageError } from "../../runtime/errors.ts";

export const ROOM_ACTIONS = [
  "remove-from-directory",
  "quarantine-media",
  "block",
  "delete",
  "purge",
] as const;
export const ACCOUNT_STEPS = [
  "quarantine-media",
  "redact",
  "deactivate",
  "erase",
  "suspend",
  "shadow-ban",
] as const;

export type RoomAction = (typeof ROOM_ACTIONS)[number];
export type AccountStep = (typeof ACCOUNT_STEPS)[number];

export interface PlannedRoom {
  room_id: string;
  name: unknown;
  creator: unknown;
  why: string;
  actions: RoomAction[];
  /** Pending invites of local users, rejected by the delete. */
  pending_invites: number;
}

export interface PlannedAccount {
  user_id: string;
  why: string;
  actions: AccountStep[];
  /** Rooms kept where the account's events are redacted. */
  redact_in: string[];
  media: number;
}

export interface PlannedInvite {
  user_id: string;
  room_id: string;
  sender: string;
  /** Why it is the wave's (absent in plans of earlier versions). */
  why?: string;
  /** Where it was seen: a room's state, or (for rooms this server is not in) the invitee's own sync. */
  found_in?: string;
  actions: ["reject"];
}

/** The plan document (`-o json --dry-run`), read back by `--plan`. */
export interface IncidentPlan {
  incident_plan: 1;
  server: string;
  created: string;
  evidence: string;
  counts: Record<string, number>;
  rooms: PlannedRoom[];
  accounts: PlannedAccount[];
  /** Invites to rooms that stay, rejected one by one (those to deleted rooms go with the delete). */
  invites: PlannedInvite[];
  /** The reports naming the wave (kept in the evidence; nothing is done to them). */
  reports: Array<{ id: unknown; event_id: unknown; room_id: unknown; sender: unknown; reason: unknown }>;
  remote_accounts: string[];
  excluded: Array<{ user_id: string; reason: string }>;
  /** How reading every local account's invites went (null: not done). */
  invite_scan?: {
    accounts: number;
    checked: number;
    failed: Array<{ user_id: string; error: string }>;
    stopped: string | null;
  } | null;
}

/** What to do, as the command line says. */
export interface PlanChoices {
  readonly accounts: "deactivate" | "erase" | "suspend" | "shadow-ban" | "none";
  readonly keepRooms: boolean;
  readonly keepEvents: boolean;
}

/** The plan for what was found. */
export function makePlan(
  radius: BlastRadius,
  choices: PlanChoices,
  server: string,
  evidence: string,
): IncidentPlan {
  const deleted = new Set(choices.keepRooms ? [] : radius.rooms.map((room) => room.room_id));
  const rooms: PlannedRoom[] = radius.rooms.map((room) => ({
    room_id: room.room_id,
    name: room.details["name"] ?? null,
    creator: room.creator,
    why: room.why,
    actions: choices.keepRooms
      ? ["remove-from-directory", "quarantine-media", "block"]
      : ["remove-from-directory", "quarantine-media", "block", "delete", "purge"],
    pending_invites: radius.invites.filter((invite) => invite.room_id === room.room_id).length,
  }));
  const accounts: PlannedAccount[] = radius.accounts.map((account) => {
    const redactIn = choices.keepEvents
      ? []
      : account.joined_rooms.filter((roomId) => !deleted.has(roomId)).sort();
    const actions: AccountStep[] = ["quarantine-media"];
    if (redactIn.length) actions.push("redact");
    if (choices.accounts === "erase") actions.push("deactivate", "erase");
    else if (choices.accounts !== "none") actions.push(choices.accounts);
    return {
      user_id: account.user_id,
      why: account.why,
      actions,
      redact_in: redactIn,
      media: account.media.length,
    };
  });
  const invites: PlannedInvite[] = radius.invites
    .filter((invite) => !deleted.has(invite.room_id))
    .map((invite) => ({
      user_id: invite.user_id,
      room_id: invite.room_id,
      sender: invite.sender,
      why: invite.why,
      found_in: invite.found_in,
      actions: ["reject"],
    }));
  const count = (actions: readonly string[][], action: string) =>
    actions.filter((list) => list.includes(action)).length;
  return {
    incident_plan: 1,
    server,
    created: new Date().toISOString(),
    evidence,
    counts: {
      accounts: accounts.length,
      rooms: rooms.length,
      rooms_deleted: count(
        rooms.map((room) => room.actions),
        "delete",
      ),
      rooms_touched: radius.touched_rooms.length,
      pending_invites: radius.invites.length,
      invites_found_in_the_invitees_sync: radius.invites.filter(
        (invite) => invite.found_in === "the invitee's sync",
      ).length,
      invites_rejected_by_delete: radius.invites.length - invites.length,
      invites_rejected_by_login_as: invites.length,
      media: accounts.reduce((sum, account) => sum + account.media, 0),
      reports: radius.reports.length,
      remote_accounts: radius.remote_accounts.length,
      excluded: radius.excluded.length,
    },
    rooms,
    accounts,
    invites,
    reports: radius.reports.map((report) => ({
      id: report["id"],
      event_id: report["event_id"],
      room_id: report["room_id"],
      sender: report["sender"],
      reason: report["reason"],
    })),
    remote_accounts: radius.remote_accounts,
    excluded: radius.excluded,
    invite_scan: radius.invite_scan && {
      accounts: radius.invite_scan.accounts,
      checked: radius.invite_scan.checked,
      failed: radius.invite_scan.failed,
      stopped: radius.invite_scan.stopped ?? null,
    },
  };
}

/** One action of the run, as the journal keeps it. */
export type PlanItem =
  | { kind: "room"; roomId: RoomId; actions: RoomAction[] }
  | { kind: "account"; userId: UserId; actions: AccountStep[]; redactIn: RoomId[] }
  | { kind: "invite"; userId: UserId; roomId: RoomId };

/**
 * The plan's items for the engine: rooms first (they stop the spread), then
 * accounts, then the invites to rooms that stay. Matrix IDs hold no spaces,
 * so an item is words.
 */
export function planItems(plan: IncidentPlan): string[] {
  const items: string[] = [];
  for (const room of plan.rooms)
    if (room.actions.length) items.push(`room ${room.room_id} ${room.actions.join(",")}`);
  for (const account of plan.accounts)
    if (account.actions.length)
      items.push(
        [
          "account",
          account.user_id,
          account.actions.join(","),
          ...(account.actions.includes("redact") ? account.redact_in : []),
        ].join(" "),
      );
  for (const invite of plan.invites)
    if (invite.actions.includes("reject")) items.push(`invite ${invite.user_id} ${invite.room_id}`);
  return items;
}

/** An item back as what it does; its IDs were checked when the plan was read. */
export function parseItem(item: string): PlanItem {
  const [kind, id, third, ...rest] = item.split(" ");
  if (kind === "room" && id && third !== undefined)
    return { kind, roomId: id as RoomId, actions: third.split(",") as RoomAction[] };
  if (kind === "account" && id && third !== undefined)
    return {
      kind,
      userId: id as UserId,
      actions: third.split(",") as AccountStep[],
      redactIn: rest as RoomId[],
    };
  if (kind === "invite" && id && third) return { kind, userId: id as UserId, roomId: third as RoomId };
  throw new Error(`not an action of an incident plan: ${item}`);
}

function checkList(value: unknown, where: string, allowed: readonly string[]): void {
  if (!Array.isArray(value) || value.some((entry) => !allowed.includes(entry)))
    throw new UsageError(`the plan's ${where} must be a list of ${allowed.join(", ")}`);
}

const ID = /^[@!][^\s:]+:\S+$/;

/** A plan read back from its JSON, checked before anything is done. */
export function readPlan(text: string, file: string): IncidentPlan {
  let plan: IncidentPlan;
  try {
    plan = JSON.parse(text) as IncidentPlan;
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (plan?.incident_plan !== 1 || !Array.isArray(plan.rooms) || !Array.isArray(plan.accounts))
    throw new UsageError(
      `${file} is not an incident plan (as 'incident contain -o json --dry-run' prints it)`,
    );
  plan.invites ??= [];
  for (const room of plan.rooms) {
    if (!ID.test(String(room.room_id))) throw new UsageError(`not a room ID in the plan: ${room.room_id}`);
    checkList(room.actions, `actions of ${room.room_id}`, ROOM_ACTIONS);
  }
  for (const account of plan.accounts) {
    if (!ID.test(String(account.user_id)))
      throw new UsageError(`not a user ID in the plan: ${account.user_id}`);
    checkList(account.actions, `actions of ${account.user_id}`, ACCOUNT_STEPS);
    account.redact_in ??= [];
    for (const roomId of account.redact_in)
      if (!ID.test(String(roomId))) throw new UsageError(`not a room ID in the plan: ${roomId}`);
  }
  for (const invite of plan.invites) {
    if (!ID.test(String(invite.user_id)) || !ID.test(String(invite.room_id)))
      throw new UsageError(`not an invite of the plan: ${JSON.stringify(invite)}`);
    checkList(invite.actions, `actions of the invite of ${invite.user_id}`, ["reject"]);
  }
  return plan;
}
