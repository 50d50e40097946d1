// The blast radius of a spam wave: from its seeds to the local accounts, the
// rooms they made or joined, their pending invites to local users, their media
// and the reports naming them. Everything read here is also the evidence.
import { NotFoundError } from "./errors.ts";
import type { RoomId, UserId } from "./ids.ts";
import type { PolicyRule } from "./policy-rules.ts";
import type { EventReport, EventReportDetails } from "./resources/event-reports.ts";
import type { StrippedStateEvent } from "./resources/matrix.ts";
import type { ClientEvent, RoomDetails } from "./resources/rooms.ts";
import type { UserDetails, UserMedia, Whois } from "./resources/users.ts";
import type { SynapseAdmin } from "./synapse-admin.ts";

/** Where the search for a spam wave starts (see {@link findBlastRadius}); every field may be empty. */
export interface BlastRadiusSeeds {
  /** Room IDs: their creator, joined members and the senders of their last 2000 events are in the wave. */
  readonly rooms: readonly string[];
  /** Accounts whose full ID matches (test it anchored, as `^(?:...)`, to match from the start). */
  readonly users?: RegExp;
  /** With `users`: only accounts registered at or after this epoch-ms time. */
  readonly registeredAfter?: number;
  /** With `users`: only accounts registered at or before this epoch-ms time. */
  readonly registeredBefore?: number;
  /** Remote server names: the rooms their users created, and their invites to local users. */
  readonly servers: readonly string[];
  /** User IDs named directly (e.g. from a file). */
  readonly userIds: readonly string[];
  /** Ban rules of a policy room (see {@link policyRules}). */
  readonly rules: readonly PolicyRule[];
}

/** A local account of a wave, with what was read about it. */
export interface WaveAccount {
  readonly user_id: string;
  /** Why it is in the wave, e.g. `matches @spam`. */
  readonly why: string;
  /** The account's details (`GET /_synapse/admin/v2/users/<user_id>`). */
  details: UserDetails;
  /** Its sessions (`GET /_synapse/admin/v1/whois/<user_id>`). */
  whois: Whois;
  /** The rooms it has joined. */
  joined_rooms: string[];
  /** The media it uploaded, as the user media list gives them. */
  media: UserMedia[];
}

/** A room of a wave (a seed, one the wave created, one a policy bans), with what was read about it. */
export interface WaveRoom {
  readonly room_id: string;
  /** Why it is in the wave, e.g. `created by @spam1:example.org`. */
  readonly why: string;
  /**
   * Who created it: as the server recorded it or, for a room created on another
   * server (which Synapse records none for), the sender of its `m.room.create`.
   */
  readonly creator: string | null;
  /** The room as the room list or room details give it. */
  details: RoomDetails;
  /** Its full current state. */
  state: ClientEvent[];
  /** Its joined members. */
  members: string[];
}

/** An invite to a local user that nobody has answered yet. */
export interface PendingInvite {
  /** The invited local user. */
  readonly user_id: string;
  readonly room_id: string;
  /** Who sent the invite. */
  readonly sender: string;
  /** Whether the room is one of the wave's own (else one the wave joined, or one known only by invites). */
  readonly wave_room: boolean;
  /** Why it is the wave's, e.g. `sent by @spam:evil.example of evil.example, a seed server`. */
  readonly why: string;
  /**
   * Where it was seen: in the state of a room this server is in, or in the
   * invited user's own `/sync` (see {@link findRemoteInvites}).
   */
  readonly found_in: "room state" | "the invitee's sync";
  /** With `the invitee's sync`: the room's stripped state as the inviting server sent it. */
  readonly invite_state?: StrippedStateEvent[];
}

/** Everything {@link findBlastRadius} found. */
export interface BlastRadius {
  /** The local server's name (of the account running the search). */
  readonly server_name: string;
  /** The local accounts of the wave, by ID. */
  readonly accounts: WaveAccount[];
  /**
   * Accounts of other servers seen in the wave (seed accounts and seed rooms' members, creators of
   * the wave's rooms, senders of its invites and reported events): nothing can be done to them here.
   */
  readonly remote_accounts: string[];
  /** Accounts that matched but are left alone (server admins, the admin running this). */
  readonly excluded: Array<{ user_id: string; reason: string }>;
  /** The wave's rooms, by ID. */
  readonly rooms: WaveRoom[];
  /**
   * Rooms of others that the wave joined (its remote accounts too, as far as this server is in them):
   * the local accounts' events there are redacted, the rooms kept.
   */
  readonly touched_rooms: string[];
  /** Pending invites of local users in the wave's rooms, and those the wave sent in rooms it joined. */
  readonly invites: PendingInvite[];
  /** The event reports about the wave's events or rooms, in full (with the reported event). */
  readonly reports: EventReportDetails[];
  /** How the search for invites as each local account went; null when it was not made. */
  readonly invite_scan: InviteScanOutcome | null;
}

/** How {@link findBlastRadius} works. */
export interface BlastRadiusOptions {
  /** The account running the search (never part of a wave); asked of the server when absent. */
  readonly self?: string;
  /** Told of progress, e.g. how many accounts were found. */
  readonly onNote?: (message: string) => void;
  /**
   * With server seeds (or server ban rules): also look, as each local account,
   * for invites from those servers to rooms this server is not in
   * ({@link findRemoteInvites}). Off unless given: it makes a login-as token
   * per account.
   */
  readonly inviteScan?: InviteScanOptions;
}

/** How {@link findRemoteInvites} works. */
export interface InviteScanOptions {
  /**
   * How long each login-as token lives if it cannot be logged out (the search
   * is killed, or the logout fails), in ms; default 60 s.
   */
  readonly tokenLifetimeMs?: number;
  /**
   * Makes a token of a user that lives until `validUntilMs`, and a way to end
   * it; default {@link loginAsSession}. A server that delegates auth (MAS)
   * makes no login-as tokens: there a caller passes one of MAS's sessions.
   */
  readonly session?: (userId: UserId, validUntilMs: number, signal?: AbortSignal) => Promise<UserSession>;
  /** Told of progress: how many accounts there are, and how many were checked now and then. */
  readonly onNote?: (message: string) => void;
  /** Stops the search (the tokens in use are still logged out). */
  readonly signal?: AbortSignal;
}

/** A short-lived token of a user, made to act as the user, and how to end it. */
export interface UserSession {
  readonly accessToken: string;
  /** Ends the session (the token stops working). */
  end(): Promise<void>;
}

/**
 * A Synapse login-as token of `userId` valid until `validUntilMs`, ended by
 * logging it out (`POST /_synapse/admin/v1/users/<user_id>/login`, then
 * `POST /_matrix/client/v3/logout` with the token).
 */
export async function loginAsSession(
  admin: SynapseAdmin,
  userId: UserId,
  validUntilMs: number,
  signal?: AbortSignal,
): Promise<UserSession> {
  const { access_token: accessToken } = await admin.users.loginAs(
    userId,
    { validUntilMs },
    signal ? { signal } : {},
  );
  return {
    accessToken,
    // Not cancelled with the caller: the token must not outlive its use.
    end: async () => {
      await admin.matrix.logout(accessToken);
    },
  };
}

/** What {@link findRemoteInvites} did. */
export interface InviteScanOutcome {
  /** The local accounts to check (not deactivated, locked or guests; not the searching one). */
  readonly accounts: number;
  /** How many of them were checked. */
  readonly checked: number;
  /** Accounts whose invites could not be read, with why. */
  readonly failed: Array<{ user_id: string; error: string }>;
  /** Login-as tokens that could not be logged out, alive until their time (epoch ms). */
  readonly tokens_not_logged_out: Array<{ user_id: string; valid_until_ms: number }>;
  /** Set when the search gave up early (e.g. the server makes no login-as tokens). */
  readonly stopped?: string;
}

/** A pending invite found in an invitee's own sync, before it is judged. */
export interface SyncedInvite {
  readonly user_id: string;
  readonly room_id: string;
  /** The invite's sender (the sender of the invitee's `m.room.member` in the stripped state). */
  readonly sender: string | null;
  /** The sender of the room's `m.room.create`, as the inviting server says. */
  readonly creator: string | null;
  readonly invite_state: StrippedStateEvent[];
}

/** Events read from a seed room to find who sent messages there. */
const SENDERS_READ = 2000;
const AT_ONCE = 8;
/** Accounts in a row whose invites could not be read before the search gives up: the server refuses them all. */
const FAILURES_IN_A_ROW = 10;

/** Runs `work` on every item, a few at once; `stop` ends it early (the items started finish). */
async function eachAtOnce<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stop()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, lane));
}

function serverOf(id: string): string {
  return id.slice(id.indexOf(":") + 1);
}

/** The server a room ID names, if it names one (room versions before 12). */
function roomIdServer(roomId: string): string | undefined {
  const colon = roomId.indexOf(":");
  return colon < 0 ? undefined : roomId.slice(colon + 1);
}

/** The sender of the `m.room.create` event in a room's state. */
function createSender(state: readonly ClientEvent[]): string | undefined {
  const sender = state.find((event) => event["type"] === "m.room.create" && event["state_key"] === "")?.[
    "sender"
  ];
  return typeof sender === "string" ? sender : undefined;
}

/**
 * The pending invites of every local account (not deactivated, locked or a
 * guest, nor the searching account) that `judge` keeps, as each account's own
 * `/sync` shows them. Synapse keeps an invite from another server to a room
 * it is not in only as an out-of-band membership: it is in no Admin API answer
 * (not the user's memberships, nor the room list), so it is read as the user,
 * with a login-as token (or `options.session`'s) that lives `tokenLifetimeMs`
 * and is ended right after. `judge` answers why an invite is the wave's, or `undefined`.
 *
 * Bounded: a few accounts at once; it gives up after {@link FAILURES_IN_A_ROW}
 * accounts in a row fail (a server that makes no login-as tokens, as with
 * MAS), and says so in the outcome. Killed midway, it leaves the tokens in use
 * alive until they expire.
 *
 * Uses `GET /_synapse/admin/v2/users`, `POST /_synapse/admin/v1/users/<user_id>/login`,
 * and as the user `GET /_matrix/client/v3/sync` and `POST /_matrix/client/v3/logout`.
 */
export async function findRemoteInvites(
  admin: SynapseAdmin,
  self: string,
  judge: (invite: SyncedInvite) => string | undefined,
  options: InviteScanOptions = {},
): Promise<{ invites: PendingInvite[]; outcome: InviteScanOutcome }> {
  const note = options.onNote ?? (() => {});
  const lifetimeMs = options.tokenLifetimeMs ?? 60_000;
  const makeSession =
    options.session ??
    ((userId: UserId, validUntil: number, signal?: AbortSignal) =>
      loginAsSession(admin, userId, validUntil, signal));
  const signal = options.signal;
  const userIds: UserId[] = [];
  for await (const user of admin.users.list({ guests: false, limit: 500 }, signal ? { signal } : {}))
    if (!user.deactivated && !user.locked && !user.is_guest && user.name !== self) userIds.push(user.name);
  note(
    `Reading the pending invites of ${userIds.length} local account(s) as each of them (a login-as token each, logged out right after).`,
  );
  const invites: PendingInvite[] = [];
  const failed: Array<{ user_id: string; error: string }> = [];
  const notLoggedOut: Array<{ user_id: string; valid_until_ms: number }> = [];
  const every = Math.max(100, Math.ceil(userIds.length / 20));
  let checked = 0;
  let inARow = 0;
  let stopped: string | undefined;
  const readOne = async (userId: UserId) => {
    const validUntil = Date.now() + lifetimeMs;
    let seen: Record<string, { invite_state: { events: StrippedStateEvent[] } }>;
    try {
      const session = await makeSession(userId, validUntil, signal);
      try {
        seen =
          (await admin.matrix.pendingInvites(session.accessToken, signal ? { signal } : {})).rooms?.invite ??
          {};
      } finally {
        try {
          await session.end();
        } catch {
          notLoggedOut.push({ user_id: userId, valid_until_ms: validUntil });
        }
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      failed.push({ user_id: userId, error: (error as Error).message });
      if (++inARow >= FAILURES_IN_A_ROW && stopped === undefined)
        stopped = `the invites of ${inARow} accounts in a row could not be read (the last: ${(error as Error).message})`;
      return;
    }
    inARow = 0;
    for (const [roomId, room] of Object.entries(seen)) {
      const events = room.invite_state.events;
      const own = events.find(
        (event) =>
          event.type === "m.room.member" &&
          event.state_key === userId &&
          event.content["membership"] === "invite",
      );
      const create = events.find((event) => event.type === "m.room.create" && event.state_key === "");
      const synced: SyncedInvite = {
        user_id: userId,
        room_id: roomId,
        sender: own?.sender ?? null,
        creator: create?.sender ?? null,
        invite_state: events,
      };
      const why = judge(synced);
      if (why)
        invites.push({
          user_id: userId,
          room_id: roomId,
          sender: synced.sender ?? "",
          wave_room: false,
          why,
          found_in: "the invitee's sync",
          invite_state: events,
        });
    }
    if (++checked % every === 0 && checked < userIds.length)
      note(`Invites read of ${checked} of ${userIds.length} local account(s)...`);
  };
  await eachAtOnce(userIds, readOne, () => stopped !== undefined || signal?.aborted === true);
  signal?.throwIfAborted();
  return {
    invites,
    outcome: {
      accounts: userIds.length,
      checked,
      failed,
      tokens_not_logged_out: notLoggedOut,
      ...(stopped === undefined ? {} : { stopped }),
    },
  };
}

/**
 * Finds a spam wave from its seeds: the local accounts (server admins and the
 * searching account left out), the rooms they created (and the seed rooms,
 * and rooms a policy rule bans), the rooms of others they joined, every
 * pending invite of a local user in the wave's rooms and those the wave sent
 * elsewhere (from the rooms' state), their media, and the event reports about
 * them. Reads only; what it reads is what an evidence bundle keeps.
 *
 * Synapse records no creator for a room created on another server: such a
 * room's creator is the sender of its `m.room.create`, read from its state
 * when the room could be the wave's (the server a room ID names is, by the
 * auth rules, its creator's). A remote server's invites to rooms this server
 * is not in (out-of-band memberships) are in no Admin API answer: with
 * `options.inviteScan` and a server seed (or server ban rule), they are read
 * as each local account ({@link findRemoteInvites}) and those whose room ID,
 * sender or room creator is of such a server are the wave's.
 *
 * Uses `GET /_synapse/admin/v2/users`, `/v2/users/<user_id>`, `/v1/whois/<user_id>`,
 * `/v1/users/<user_id>/joined_rooms` (of remote accounts too), `/v1/users/<user_id>/media`, `/v1/rooms`,
 * `/v1/rooms/<room_id>` (and its `/members`, `/state`, `/messages`),
 * `/v1/event_reports` and `/v1/event_reports/<report_id>`; for the invite scan, those of {@link findRemoteInvites}.
 */
export async function findBlastRadius(
  admin: SynapseAdmin,
  seeds: BlastRadiusSeeds,
  options: BlastRadiusOptions = {},
): Promise<BlastRadius> {
  const self = options.self ?? (await admin.matrix.whoAmI()).user_id;
  const note = options.onNote ?? (() => {});
  const serverName = serverOf(self);
  const isLocal = (id: string) => serverOf(id) === serverName;
  const why = new Map<string, string>();
  const remote = new Set<string>();
  const addUser = (userId: string, reason: string) => {
    if (!isLocal(userId)) remote.add(userId);
    else if (!why.has(userId)) why.set(userId, reason);
  };
  const roomWhy = new Map<string, string>();

  for (const userId of seeds.userIds) addUser(userId, "named in the seed list");
  const rulesOf = (kind: PolicyRule["kind"]) => seeds.rules.filter((rule) => rule.kind === kind);
  const userRules = rulesOf("user");
  const roomRules = rulesOf("room");
  const serverRules = rulesOf("server");
  const ruleFor = (rules: readonly PolicyRule[], ...values: unknown[]) =>
    rules.find((rule) => values.some((value) => typeof value === "string" && rule.matches(value)));
  if (seeds.users || userRules.length) {
    const pattern = seeds.users;
    for await (const user of admin.users.list({ limit: 500 })) {
      // An account without a registration time is in no window.
      const created = user.creation_ts;
      const inWindow =
        (seeds.registeredAfter === undefined || (created !== null && created >= seeds.registeredAfter)) &&
        (seeds.registeredBefore === undefined || (created !== null && created <= seeds.registeredBefore));
      if (pattern?.test(user.name) && inWindow) addUser(user.name, `matches ${pattern.source}`);
      // Hashed rules can only be matched against names we have: every local account is hashed.
      const rule = ruleFor(userRules, user.name);
      if (rule) addUser(user.name, `banned by the policy rule ${rule.source}`);
    }
  }
  for (const roomId of seeds.rooms) {
    roomWhy.set(roomId, "a seed room");
    const details = await admin.rooms.get(roomId as RoomId);
    if (details.creator) addUser(details.creator, `created the seed room ${roomId}`);
    for (const member of (await admin.rooms.members(roomId as RoomId)).members)
      addUser(member, `a member of the seed room ${roomId}`);
    let read = 0;
    for await (const event of admin.rooms.messages(roomId as RoomId, { dir: "b", limit: 500 })) {
      if (typeof event["sender"] === "string")
        addUser(event["sender"], `sent events in the seed room ${roomId}`);
      if (++read >= SENDERS_READ) break;
    }
  }

  // Server admins are never part of a wave: a pattern or a seed room that takes them in is too wide.
  const excluded: Array<{ user_id: string; reason: string }> = [];
  const accounts: WaveAccount[] = [];
  await eachAtOnce([...why.keys()], async (userId) => {
    let details: UserDetails;
    try {
      details = await admin.users.get(userId as UserId);
    } catch (error) {
      if (error instanceof NotFoundError) {
        excluded.push({ user_id: userId, reason: "no such account" });
        return;
      }
      throw error;
    }
    if (userId === self) excluded.push({ user_id: userId, reason: "the account running this" });
    else if (details.admin) excluded.push({ user_id: userId, reason: "a server admin" });
    else
      accounts.push({
        user_id: userId,
        why: why.get(userId)!,
        details,
        // Read with the rest of what the wave touched, below.
        whois: { user_id: userId, devices: {} },
        joined_rooms: [],
        media: [],
      });
  });
  accounts.sort((a, b) => a.user_id.localeCompare(b.user_id));
  const wave = new Set(accounts.map((account) => account.user_id));
  note(
    `${accounts.length} local account(s) in the wave${excluded.length ? `, ${excluded.length} left out` : ""}.`,
  );

  // One walk through the room list finds the rooms the wave (or a seed server) created.
  const servers = new Set(seeds.servers);
  const remoteCreatorMayMatch = (roomId: string): boolean => {
    const server = roomIdServer(roomId);
    if (server === undefined) return servers.size > 0 || serverRules.length > 0 || userRules.length > 0;
    if (server === serverName) return false;
    return servers.has(server) || ruleFor(serverRules, server) !== undefined || userRules.length > 0;
  };
  const creators = new Map<string, string>();
  for await (const room of admin.rooms.list({ limit: 500 })) {
    if (roomWhy.has(room.room_id)) continue;
    const roomRule = ruleFor(roomRules, room.room_id, room.canonical_alias);
    if (roomRule) {
      roomWhy.set(room.room_id, `banned by the policy rule ${roomRule.source}`);
      continue;
    }
    let creator = room.creator || undefined;
    if (!creator && remoteCreatorMayMatch(room.room_id)) {
      try {
        creator = createSender((await admin.rooms.state(room.room_id)).state);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
      if (creator) creators.set(room.room_id, creator);
    }
    if (!creator) continue;
    const serverRule = ruleFor(serverRules, serverOf(creator));
    if (wave.has(creator)) roomWhy.set(room.room_id, `created by ${creator}`);
    else if (
      servers.has(serverOf(creator)) ||
      serverRule ||
      (!isLocal(creator) && ruleFor(userRules, creator))
    ) {
      roomWhy.set(room.room_id, `created by ${creator} of ${serverOf(creator)}`);
      remote.add(creator);
    }
  }

  await eachAtOnce(accounts, async (account) => {
    account.whois = await admin.users.whois(account.user_id as UserId);
    account.joined_rooms = (await admin.users.joinedRooms(account.user_id as UserId)).joined_rooms;
    for await (const media of admin.users.media(account.user_id as UserId, { limit: 500 }))
      account.media.push(media);
  });
  const fromWave = (sender: string) =>
    wave.has(sender) || remote.has(sender) || servers.has(serverOf(sender));
  // Read before the rooms: a remote account may be seen first as the sender of a reported event.
  const allReports: EventReport[] = [];
  for await (const report of admin.eventReports.list({ limit: 500 })) {
    allReports.push(report);
    if (!isLocal(report.sender) && fromWave(report.sender)) remote.add(report.sender);
  }
  const touched = new Set<string>();
  for (const account of accounts)
    for (const roomId of account.joined_rooms) if (!roomWhy.has(roomId)) touched.add(roomId);
  // The rooms of this server a remote account of the wave joined, where it may have invited local users.
  await eachAtOnce([...remote], async (userId) => {
    let joined: string[];
    try {
      joined = (await admin.users.joinedRooms(userId as UserId)).joined_rooms;
    } catch (error) {
      if (error instanceof NotFoundError) return;
      throw error;
    }
    for (const roomId of joined) if (!roomWhy.has(roomId)) touched.add(roomId);
  });

  const rooms: WaveRoom[] = [];
  const invites: PendingInvite[] = [];
  const readRoom = async (roomId: string, ofWave: boolean) => {
    let details: RoomDetails | undefined;
    let state: ClientEvent[];
    try {
      // The wave's rooms in full for the evidence (topic, avatar...); of the others only the state is needed.
      details = ofWave ? await admin.rooms.get(roomId as RoomId) : undefined;
      state = (await admin.rooms.state(roomId as RoomId)).state;
    } catch (error) {
      if (error instanceof NotFoundError) return;
      throw error;
    }
    for (const event of state) {
      const content = event["content"] as { membership?: unknown } | undefined;
      const victim = event["state_key"];
      const sender = String(event["sender"]);
      if (event["type"] !== "m.room.member" || content?.membership !== "invite") continue;
      if (typeof victim !== "string" || !isLocal(victim) || wave.has(victim)) continue;
      // In the wave's own rooms every pending invite is the wave's; elsewhere only those it sent.
      if (ofWave || fromWave(sender)) {
        invites.push({
          user_id: victim,
          room_id: roomId,
          sender,
          wave_room: ofWave,
          why: ofWave ? "in a room of the wave" : `sent by ${sender} of the wave`,
          found_in: "room state",
        });
        if (!isLocal(sender) && fromWave(sender)) remote.add(sender);
      }
    }
    if (details) {
      const { members } = await admin.rooms.members(roomId as RoomId);
      const creator = details.creator || creators.get(roomId) || createSender(state) || null;
      rooms.push({ room_id: roomId, why: roomWhy.get(roomId)!, creator, details, state, members });
    }
  };
  await eachAtOnce([...roomWhy.keys()], (roomId) => readRoom(roomId, true));
  await eachAtOnce([...touched], (roomId) => readRoom(roomId, false));
  rooms.sort((a, b) => a.room_id.localeCompare(b.room_id));

  let inviteScan: InviteScanOutcome | null = null;
  if (options.inviteScan && (servers.size > 0 || serverRules.length > 0)) {
    const ofSeedServer = (id: string | null | undefined): string | undefined => {
      const server = id ? roomIdServer(id) : undefined;
      if (server === undefined || server === serverName) return undefined;
      if (servers.has(server)) return `${server}, a seed server`;
      const rule = ruleFor(serverRules, server);
      return rule ? `${server}, banned by the policy rule ${rule.source}` : undefined;
    };
    const known = new Set(invites.map((invite) => `${invite.user_id} ${invite.room_id}`));
    const judge = (invite: SyncedInvite): string | undefined => {
      if (wave.has(invite.user_id) || known.has(`${invite.user_id} ${invite.room_id}`)) return undefined;
      const bySender = ofSeedServer(invite.sender);
      if (bySender) return `sent by ${invite.sender} of ${bySender}`;
      const byRoom = ofSeedServer(invite.room_id);
      if (byRoom) return `to a room of ${byRoom}`;
      const byCreator = ofSeedServer(invite.creator);
      return byCreator ? `to a room created by ${invite.creator} of ${byCreator}` : undefined;
    };
    const found = await findRemoteInvites(admin, self, judge, { onNote: note, ...options.inviteScan });
    for (const invite of found.invites) {
      invites.push(invite);
      if (invite.sender && !isLocal(invite.sender)) remote.add(invite.sender);
    }
    inviteScan = found.outcome;
    note(
      `${found.invites.length} invite(s) from the seed servers found in the invitees' own sync` +
        (found.outcome.failed.length ? `; ${found.outcome.failed.length} account(s) could not be read` : "") +
        (found.outcome.stopped ? `; the search stopped: ${found.outcome.stopped}` : "") +
        ".",
    );
  }
  invites.sort((a, b) => a.room_id.localeCompare(b.room_id) || a.user_id.localeCompare(b.user_id));

  const roomIds = new Set(rooms.map((room) => room.room_id));
  const named = allReports.filter((report) => fromWave(report.sender) || roomIds.has(report.room_id));
  const reports: EventReportDetails[] = [];
  await eachAtOnce(named, async (report) => {
    reports.push(await admin.eventReports.get(report.id));
  });
  reports.sort((a, b) => a.id - b.id);

  return {
    server_name: serverName,
    accounts,
    remote_accounts: [...remote].sort(),
    excluded,
    rooms,
    touched_rooms: [...touched].sort(),
    invites,
    reports,
    invite_scan: inviteScan,
  };
}
