import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type BlastRadiusSeeds, findBlastRadius } from "../../../api/blast-radius.ts";
import { BadRequestError, NotFoundError } from "../../../api/errors.ts";
import type { RoomAlias, RoomId, UserId } from "../../../api/ids.ts";
import { type PolicyRule, policyRules } from "../../../api/policy-rules.ts";
import type { RoomDetails } from "../../../api/resources/rooms.ts";
import type { UserDetails } from "../../../api/resources/users.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import { readInput, readItemList } from "../../runtime/bulk/read-items.ts";
import {
  type BulkSummary,
  DONE_EARLIER,
  type ItemRun,
  runBulkCommand,
} from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { deactivateInMas, personalSessionFor } from "../../runtime/mas-accounts.ts";
import { lazyUnderMas } from "../../runtime/mas-routing.ts";
import { userPattern } from "../../runtime/user-pattern.ts";
import type { containParameters } from "./contain.ts";
import { defaultEvidenceDir, makeEvidenceDir, writeEvidence, writeEvidenceFile } from "./evidence.ts";
import { type IncidentPlan, makePlan, type PlanItem, parseItem, planItems, readPlan } from "./plan.ts";

type Options = Parameters<RunFor<typeof containParameters>>[1]["options"];

const REASON = "spam";

function timeOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseTimeSpec(value);
  } catch (error) {
    throw new UsageError(`invalid value for ${name}: ${(error as Error).message}`);
  }
}

/** The seeds of the command line, aliases resolved. */
async function readSeeds(
  context: CommandContext,
  admin: SynapseAdmin,
  options: Options,
): Promise<BlastRadiusSeeds> {
  const named = options.ids
    ? await readItemList(context, options.ids, (line) => {
        if (!/^[@!][^\s:]+:\S+$/.test(line)) throw new Error(`not a user ID or room ID: ${line}`);
        return line;
      })
    : [];
  const rooms: string[] = [];
  for (const room of [...options.room, ...named.filter((id) => !id.startsWith("@"))])
    rooms.push(room.startsWith("#") ? (await admin.rooms.resolveAlias(room as RoomAlias)).room_id : room);
  const rules: PolicyRule[] = [];
  for (const room of options.policyRoom) {
    const roomId = (
      room.startsWith("#") ? (await admin.rooms.resolveAlias(room as RoomAlias)).room_id : room
    ) as RoomId;
    const found = policyRules((await admin.rooms.state(roomId)).state);
    context.note(`${found.length} ban rule(s) in the policy room ${room}.`);
    rules.push(...found);
  }
  const registeredAfter = timeOption(options.registeredAfter, "--registered-after");
  const registeredBefore = timeOption(options.registeredBefore, "--registered-before");
  if (rules.some((rule) => rule.kind === "server") || options.server.length)
    context.note(
      options.noInviteScan
        ? "Without the invite scan, invites from another server to a room this server is not in are not found: " +
            "name such a room with --room to have its delete reject them."
        : "Every local account's pending invites are read as the account, to find those from the seed servers " +
            "to rooms this server is not in (--no-invite-scan skips this).",
    );
  return {
    rooms: [...new Set(rooms)],
    ...(options.users === undefined ? {} : { users: userPattern(options.users) }),
    ...(registeredAfter === undefined ? {} : { registeredAfter }),
    ...(registeredBefore === undefined ? {} : { registeredBefore }),
    servers: options.server,
    userIds: named.filter((id) => id.startsWith("@")),
    rules,
  };
}

/** Where a run of these seeds keeps the path of its evidence, for a --resume to find it. */
function pointerFile(context: CommandContext, server: string, identity: unknown): string {
  const hash = createHash("sha256").update(JSON.stringify({ server, identity })).digest("hex").slice(0, 16);
  return join(context.stateDir, "synadm", "incidents", `run-${hash}.json`);
}

async function roomAction(
  admin: SynapseAdmin,
  item: Extract<PlanItem, { kind: "room" }>,
  signal: AbortSignal,
  run: ItemRun,
): Promise<Record<string, unknown>> {
  const { roomId, actions } = item;
  const result: Record<string, unknown> = {};
  let details: RoomDetails | undefined;
  try {
    details = await admin.rooms.get(roomId, { signal });
  } catch (error) {
    // Purged already (a run killed before it wrote so in its journal): blocking still holds.
    if (!(error instanceof NotFoundError)) throw error;
  }
  if (actions.includes("remove-from-directory") && details?.public) {
    await admin.rooms.setDirectoryVisibility(roomId, { visibility: "private" }, { signal });
    result["removed_from_directory"] = true;
  }
  if (actions.includes("quarantine-media") && details)
    result["media_quarantined"] = (await admin.rooms.quarantineMedia(roomId, { signal })).num_quarantined;
  if (actions.includes("block")) {
    await admin.rooms.setBlocked(roomId, { blocked: true }, { signal });
    result["blocked"] = true;
  }
  if (actions.includes("delete")) {
    // A delete started before a crash is followed, never started twice.
    let deleteId = run.kept?.["delete_id"] as string | undefined;
    if (!deleteId) {
      try {
        const { results } = await admin.rooms.deleteStatusOfRoom(roomId, { signal });
        deleteId = results.find((status) => status.status !== "failed")?.delete_id;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    let job = deleteId ? admin.rooms.deleteJob(deleteId) : undefined;
    if (!job) {
      job = await admin.rooms
        .delete(
          roomId,
          { block: actions.includes("block"), purge: actions.includes("purge"), message: REASON },
          { signal },
        )
        .started();
      run.keep({ delete_id: job.id });
    }
    const final = await job.wait({ signal });
    result["delete_id"] = job.id;
    result["invites_rejected_and_members_kicked"] = final.shutdown_room?.kicked_users.length ?? 0;
    result["purged"] = actions.includes("purge");
  }
  return result;
}

async function accountAction(
  admin: SynapseAdmin,
  item: Extract<PlanItem, { kind: "account" }>,
  signal: AbortSignal,
  run: ItemRun,
  /** The command's context when the server delegates auth to MAS, which then deactivates. */
  underMasIn: CommandContext | undefined,
): Promise<Record<string, unknown> | undefined> {
  const { userId, actions, redactIn } = item;
  let details: UserDetails;
  try {
    details = await admin.users.get(userId, { signal });
  } catch (error) {
    if (error instanceof NotFoundError) return run.skip("no such account");
    throw error;
  }
  const result: Record<string, unknown> = {};
  if (actions.includes("quarantine-media"))
    result["media_quarantined"] = (await admin.media.quarantineUserMedia(userId, { signal })).num_quarantined;
  // Before the account goes: a redaction is made as the account, which must still be in the rooms.
  if (actions.includes("redact") && redactIn.length) {
    const keptId = run.kept?.["redact_id"] as string | undefined;
    const job = keptId
      ? admin.users.redactionJob(keptId)
      : await startOrFollowRedaction(admin, userId, redactIn, signal);
    if (!keptId) run.keep({ redact_id: job.id });
    const final = await job.wait({ signal });
    result["redact_id"] = job.id;
    result["redaction_failures"] = Object.keys(final.failed_redactions ?? {}).length;
  }
  if (actions.includes("deactivate")) {
    if (!details.deactivated) {
      if (underMasIn) await deactivateInMas(underMasIn, userId, actions.includes("erase"), signal);
      else await admin.users.deactivate(userId, { erase: actions.includes("erase") }, { signal });
    }
    result["deactivated"] = true;
    if (actions.includes("erase")) result["erased"] = true;
  }
  if (actions.includes("suspend")) {
    await admin.users.setSuspended(userId, { suspended: true }, { signal });
    result["suspended"] = true;
  }
  if (actions.includes("shadow-ban")) {
    await admin.users.shadowBan(userId, { signal });
    result["shadow_banned"] = true;
  }
  return result;
}

/**
 * Starts the redaction of a user's events, or follows the one in progress: a
 * run killed right after starting it had no time to keep its ID, and Synapse
 * refuses a second while one runs. The one running is found among the task
 * scheduler's tasks (`redact_all_events` of that user), only then, so a run
 * that was not killed pays no extra request.
 */
export async function startOrFollowRedaction(
  admin: SynapseAdmin,
  userId: UserId,
  rooms: readonly RoomId[],
  signal: AbortSignal,
) {
  try {
    return await admin.users.redact(userId, { rooms: [...rooms], reason: REASON }, { signal }).started();
  } catch (error) {
    if (!(error instanceof BadRequestError) || !/already in progress/i.test(error.error ?? "")) throw error;
    const { scheduled_tasks: running } = await admin.scheduledTasks.list(
      { actionName: "redact_all_events", resourceId: userId, status: ["active", "scheduled"] },
      { signal },
    );
    const task = running[0];
    if (!task) throw error;
    return admin.users.redactionJob(task.id);
  }
}

/**
 * Rejects a victim's invite as the victim: the Admin API has no way to, so a
 * login-as token is made for it, short-lived, and logged out right after
 * (under MAS, a personal session, revoked right after, and by a resumed run
 * if an interrupted one could not).
 *
 * A run killed between the two leaves that token alive until it expires, and
 * it cannot be logged out without its secret, which is kept nowhere (not in
 * the journal): the journal keeps only when it expires, and the resumed run
 * waits for that before it calls the item done, so that a run that ends has
 * left no login-as token alive.
 */
async function rejectInvite(
  context: CommandContext,
  admin: SynapseAdmin,
  item: Extract<PlanItem, { kind: "invite" }>,
  lifetimeMs: number,
  signal: AbortSignal,
  run: ItemRun,
  /** The command's context when the server delegates auth to MAS: the token is a personal session's. */
  underMasIn: CommandContext | undefined,
): Promise<Record<string, unknown> | undefined> {
  const earlierToken = run.kept?.["login_as_valid_until"];
  const earlierSession = run.kept?.["personal_session"];
  try {
    return await rejectAsVictim(admin, item, lifetimeMs, signal, run, underMasIn);
  } finally {
    // A personal session can be ended by its ID, which the journal kept: no need to wait for it.
    if (typeof earlierSession === "string" && underMasIn) await revokeIfActive(underMasIn, earlierSession);
    if (typeof earlierToken === "number") await outlive(context, item.userId, earlierToken, signal);
  }
}

/** Revokes a personal session an interrupted run made, unless it has ended since. */
async function revokeIfActive(context: CommandContext, sessionId: string): Promise<void> {
  const mas = await context.mas();
  const { data } = await mas.personalSessions.get(sessionId);
  if (!data.attributes.revoked_at) await mas.personalSessions.revoke(sessionId);
}

async function rejectAsVictim(
  admin: SynapseAdmin,
  item: Extract<PlanItem, { kind: "invite" }>,
  lifetimeMs: number,
  signal: AbortSignal,
  run: ItemRun,
  /** The command's context when the server delegates auth to MAS: the token is a personal session's. */
  underMasIn: CommandContext | undefined,
): Promise<Record<string, unknown> | undefined> {
  const { userId, roomId } = item;
  const { memberships } = await admin.users.memberships(userId, { signal });
  // An invite to a room this server is not in is in no Admin API answer: the victim's own sync tells.
  const knownRoom = roomId in memberships;
  if (knownRoom && memberships[roomId] !== "invite") return run.skip("no longer invited");
  const rejectWith = async (token: string): Promise<Record<string, unknown> | undefined> => {
    if (!knownRoom) {
      const invited = (await admin.matrix.pendingInvites(token, { signal })).rooms?.invite ?? {};
      if (!Object.hasOwn(invited, roomId)) return run.skip("no longer invited");
    }
    // For a room this server is not in, Synapse sends the rejection to the inviting server.
    await admin.matrix.leaveRoom(roomId, token, REASON, { signal });
    return { rejected: true, ...(knownRoom ? {} : { room_known_only_by_the_invite: true }) };
  };
  if (underMasIn) {
    const { accessToken, sessionId } = await personalSessionFor(
      underMasIn,
      userId,
      Date.now() + lifetimeMs,
      "synadm incident contain: rejecting an invite",
      signal,
    );
    run.keep({ personal_session: sessionId });
    try {
      return await rejectWith(accessToken);
    } finally {
      // Not cancelled with the run: the session must not outlive this item.
      await (await underMasIn.mas()).personalSessions.revoke(sessionId);
    }
  }
  const validUntil = Date.now() + lifetimeMs;
  run.keep({ login_as_valid_until: validUntil });
  const { access_token: token } = await admin.users.loginAs(userId, { validUntilMs: validUntil }, { signal });
  try {
    return await rejectWith(token);
  } finally {
    // Not cancelled with the run: the token must not outlive this item.
    await admin.matrix.logout(token);
  }
}

/** Waits until a login-as token a killed run made, and could not log out, has expired. */
async function outlive(
  context: CommandContext,
  userId: string,
  validUntil: number,
  signal: AbortSignal,
): Promise<void> {
  // The clock may have been moved since: never longer than the longest lifetime.
  const waitMs = Math.min(validUntil - Date.now() + 1000, 3600_000);
  if (waitMs <= 0) return;
  context.note(
    `A login-as token an interrupted run made for ${userId} may still be alive (it could not be logged out); ` +
      `waiting ${Math.ceil(waitMs / 1000)} s until it has expired.`,
  );
  const { setTimeout: sleep } = await import("node:timers/promises");
  await sleep(waitMs, undefined, { signal });
}

/** The closing report: what was found, done, failed and why, and where the evidence is. */
function report(summary: BulkSummary, plan: IncidentPlan | undefined, evidence: string | undefined) {
  const kinds = (entries: Array<Record<string, unknown>>) => {
    const counts: Record<string, number> = { rooms: 0, accounts: 0, invites: 0 };
    for (const entry of entries) {
      const kind = String(entry["action"]).split(" ")[0];
      const key = kind === "room" ? "rooms" : kind === "account" ? "accounts" : "invites";
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };
  const earlier = summary.skipped.filter((entry) => entry["reason"] === DONE_EARLIER);
  return {
    evidence: evidence ?? null,
    found: plan?.counts ?? null,
    done: kinds([...summary.done, ...earlier]),
    failed: summary.failed,
    skipped: summary.skipped.filter((entry) => entry["reason"] !== DONE_EARLIER),
    ...(summary.not_started ? { not_started: summary.not_started } : {}),
    total: summary.total,
    actions: summary.done,
    done_by_an_earlier_run: earlier.length,
  };
}

export const contain: RunFor<typeof containParameters> = async (context, { options }) => {
  const seeded =
    options.room.length > 0 ||
    options.users !== undefined ||
    options.server.length > 0 ||
    options.ids !== undefined ||
    options.policyRoom.length > 0;
  if (options.plan !== undefined && seeded) throw new UsageError("--plan applies a plan: it takes no seeds");
  if (options.plan === undefined && !seeded)
    throw new UsageError(
      "name a seed (--room, --users, --server, --ids, --policy-room) or a plan to apply (--plan)",
    );
  if ((options.registeredAfter || options.registeredBefore) && options.users === undefined)
    throw new UsageError("--registered-after and --registered-before narrow --users: give it");
  const admin = await context.admin();
  const server = admin.http.baseUrl;

  let plan: IncidentPlan | undefined;
  let evidence: string | undefined;
  let identity: Record<string, unknown>;
  if (options.plan !== undefined) {
    plan = readPlan(await readInput(context, options.plan), options.plan);
    if (plan.server !== server)
      throw new UsageError(`the plan is for ${plan.server}, not for the configured ${server}`);
    evidence = plan.evidence;
    identity = { plan: createHash("sha256").update(planItems(plan).join("\n")).digest("hex") };
  } else {
    identity = {
      room: options.room,
      users: options.users,
      registeredAfter: options.registeredAfter,
      registeredBefore: options.registeredBefore,
      server: options.server,
      ids: options.ids,
      policyRoom: options.policyRoom,
      accounts: options.accounts,
      keepRooms: options.keepRooms,
      keepEvents: options.keepEvents,
      noInviteScan: options.noInviteScan,
    };
  }
  const pointer = pointerFile(context, server, identity);
  if (options.resume && evidence === undefined && existsSync(pointer)) {
    const kept = JSON.parse(readFileSync(pointer, "utf8")) as { evidence?: string; plan?: IncidentPlan };
    evidence = kept.evidence;
    plan = kept.plan;
  }

  const masRouted = lazyUnderMas(context);
  // Under MAS there are no login-as tokens: the invite scan acts as each account with a MAS session.
  const masSession = async (userId: string, validUntilMs: number, signal?: AbortSignal) => {
    const { accessToken, sessionId } = await personalSessionFor(
      context,
      userId,
      validUntilMs,
      "synadm incident contain: reading invites",
      signal,
    );
    return {
      accessToken,
      end: async () => {
        await (await context.mas()).personalSessions.revoke(sessionId);
      },
    };
  };

  const selectItems = async (): Promise<string[]> => {
    if (plan) return planItems(plan);
    const dir = makeEvidenceDir(options.evidence ?? defaultEvidenceDir(context.stateDir));
    const { user_id: self } = await admin.matrix.whoAmI();
    const seeds = await readSeeds(context, admin, options);
    const radius = await findBlastRadius(admin, seeds, {
      self,
      onNote: (message) => context.note(message),
      ...(options.noInviteScan
        ? {}
        : {
            inviteScan: {
              tokenLifetimeMs: options.loginAsLifetime * 1000,
              ...((await masRouted) ? { session: masSession } : {}),
            },
          }),
    });
    const stray = radius.invite_scan?.tokens_not_logged_out ?? [];
    if (stray.length)
      context.note(
        `${stray.length} login-as token(s) of the invite scan could not be logged out; the last expires at ` +
          `${new Date(Math.max(...stray.map((token) => token.valid_until_ms))).toISOString()}.`,
      );
    // Evidence first: all of it on disk before the engine makes the first change.
    writeEvidence(dir, radius, { server, created: new Date().toISOString(), seeds: identity });
    plan = makePlan(radius, options, server, dir);
    writeEvidenceFile(dir, "plan.json", plan);
    evidence = dir;
    mkdirSync(dirname(pointer), { recursive: true, mode: 0o700 });
    writeFileSync(pointer, JSON.stringify({ evidence: dir, plan }), { mode: 0o600 });
    context.note(`Evidence written to ${dir} (the plan is ${join(dir, "plan.json")}).`);
    return planItems(plan);
  };

  const counts = () => plan?.counts ?? {};
  return runBulkCommand(context, {
    command: "incident contain",
    identity,
    itemField: "action",
    noun: "action(s)",
    question: (count) => {
      const c = counts();
      return (
        `Apply these ${count} action(s): ${c["rooms"] ?? "?"} room(s), ${c["accounts"] ?? "?"} account(s) ` +
        `(${options.plan ? "as planned" : options.accounts}), ${c["invites_rejected_by_login_as"] ?? "?"} invite(s) rejected one by one?`
      );
    },
    previewLength: 5,
    selectItems,
    perform: async (entry, signal, run) => {
      const item = parseItem(entry);
      if (item.kind === "room") return roomAction(admin, item, signal, run);
      const underMasIn = (await masRouted) ? context : undefined;
      if (item.kind === "account") return accountAction(admin, item, signal, run, underMasIn);
      const done = await rejectInvite(
        context,
        admin,
        item,
        options.loginAsLifetime * 1000,
        signal,
        run,
        underMasIn,
      );
      // Where the invite came from, as the plan says, for the report.
      const planned = plan?.invites.find(
        (invite) => invite.user_id === item.userId && invite.room_id === item.roomId,
      );
      return done && planned ? { ...done, sender: planned.sender, why: planned.why ?? null } : done;
    },
    options,
    present: (summary) => {
      if (summary.dry_run) return plan ?? summary;
      const done = report(summary, plan, evidence);
      if (evidence && existsSync(evidence)) {
        writeEvidenceFile(evidence, "report.json", done, true);
        context.note(`Report written to ${join(evidence, "report.json")}; the evidence is in ${evidence}.`);
      }
      return done;
    },
  });
};
