// What synadm's user commands do in MAS when the server delegates auth to it
// (see mas-routing.ts): find a Matrix user's MAS account, end its sessions,
// deactivate it on both sides, act as it for a moment.
import { ApiError } from "../../api/errors.ts";
import type { UserId } from "../../api/ids.ts";
import type { MasAdmin } from "../../api/mas-admin.ts";
import type { MasUser } from "../../api/resources/mas-users.ts";
import type { CommandContext } from "./context.ts";
import { CliError, ExitCode } from "./errors.ts";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The localpart of a Matrix ID (`@alice:example.org` -> `alice`); anything else as it is. */
export function localpartOf(user: string): string {
  return user.startsWith("@") ? user.slice(1, user.includes(":") ? user.indexOf(":") : undefined) : user;
}

/**
 * MAS's ID of the user the admin named: a MAS ID (ULID) as it is; a username,
 * or a Matrix ID whose localpart is one, looked up (`users/by-username`).
 */
export async function masUserId(mas: MasAdmin, user: string): Promise<string> {
  if (ULID.test(user)) return user;
  return (await mas.users.getByUsername(localpartOf(user))).data.id;
}

/** A Matrix user's MAS account: its MAS ID and attributes. */
export interface MasAccount {
  readonly mas: MasAdmin;
  readonly id: string;
  readonly user: MasUser;
}

/** The MAS account of a local Matrix user; one that MAS does not know stops with a line saying so. */
export async function masAccountOf(context: CommandContext, userId: string): Promise<MasAccount> {
  const mas = await context.mas();
  try {
    const { data } = await mas.users.getByUsername(localpartOf(userId));
    return { mas, id: data.id, user: data.attributes };
  } catch (error) {
    // MAS's errors are MasApiErrors, whatever the status.
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    throw new CliError(
      `MAS has no user ${localpartOf(userId)} (for ${userId}); under MAS every local account is MAS's: ` +
        "a new one is made with `synadm user modify` or `synadm mas user create`; one that Synapse alone " +
        "has is adopted by MAS with `synadm mas doctor --fix`",
      ExitCode.failed,
    );
  }
}

/** Sessions ended per kind at most: a user with more is told to, not looped over without end. */
const MAX_SESSIONS_PER_KIND = 10_000;

/**
 * Ends every active session of a MAS user (compatibility sessions, that is
 * Matrix logins; OAuth 2.0 sessions; browser sessions), as Synapse's password
 * reset logs a user out of every device. Personal sessions, which admins make,
 * stay. Answers how many were ended.
 */
export async function endSessionsInMas(mas: MasAdmin, id: string, signal?: AbortSignal): Promise<number> {
  const kinds = [mas.compatSessions, mas.oauth2Sessions, mas.userSessions] as const;
  const options = signal ? { signal } : {};
  let ended = 0;
  for (const kind of kinds) {
    // Collected first: finishing while paging would move the cursor over a changing list.
    const active: string[] = [];
    for await (const session of kind.list({ user: id, status: "active", first: 100 }, options)) {
      active.push(session.id);
      if (active.length > MAX_SESSIONS_PER_KIND)
        throw new CliError(
          `more than ${MAX_SESSIONS_PER_KIND} active sessions of one kind: end them with synadm mas`,
        );
    }
    for (const session of active) await kind.finish(session, options);
    ended += active.length;
  }
  return ended;
}

/** The scope tokens by which an OAuth 2.0 session names its Matrix device: the stable one and MSC2967's. */
const DEVICE_SCOPE_PREFIXES = ["urn:matrix:client:device:", "urn:matrix:org.matrix.msc2967.client:device:"];

/** The Matrix devices an OAuth 2.0 session's scope (space-separated) names. */
function devicesInScope(scope: string): string[] {
  return scope
    .split(" ")
    .flatMap((token) =>
      DEVICE_SCOPE_PREFIXES.filter((p) => token.startsWith(p)).map((p) => token.slice(p.length)),
    );
}

/**
 * Ends the active sessions of a MAS user that stand for these Matrix devices:
 * compatibility sessions whose `device_id` is one of them, OAuth 2.0 sessions
 * whose scope names one (`urn:matrix:client:device:<id>`). Deleting the
 * device in Synapse alone would leave MAS taking its token and syncing the
 * device back. Answers how many were ended.
 */
export async function endDeviceSessionsInMas(
  mas: MasAdmin,
  id: string,
  deviceIds: readonly string[],
  signal?: AbortSignal,
): Promise<number> {
  const devices = new Set(deviceIds);
  if (devices.size === 0) return 0;
  const options = signal ? { signal } : {};
  const tooMany = () =>
    new CliError(`more than ${MAX_SESSIONS_PER_KIND} active sessions of one kind: end them with synadm mas`);
  // Collected first, as in endSessionsInMas: finishing while paging would move the cursor.
  const compat: string[] = [];
  let seen = 0;
  for await (const session of mas.compatSessions.list({ user: id, status: "active", first: 100 }, options)) {
    if (++seen > MAX_SESSIONS_PER_KIND) throw tooMany();
    const device = session.attributes.device_id;
    if (device && devices.has(device)) compat.push(session.id);
  }
  const oauth2: string[] = [];
  seen = 0;
  for await (const session of mas.oauth2Sessions.list({ user: id, status: "active", first: 100 }, options)) {
    if (++seen > MAX_SESSIONS_PER_KIND) throw tooMany();
    if (devicesInScope(session.attributes.scope).some((device) => devices.has(device)))
      oauth2.push(session.id);
  }
  for (const session of compat) await mas.compatSessions.finish(session, options);
  for (const session of oauth2) await mas.oauth2Sessions.finish(session, options);
  return compat.length + oauth2.length;
}

/**
 * {@link endDeviceSessionsInMas} for a local Matrix user's MAS account, found
 * on the first call and kept for the next (a prune ends one device's sessions
 * at a time). A user MAS does not know (one Synapse alone has) has no sessions
 * there: 0, said once on stderr, and their devices are Synapse's to delete.
 */
export function deviceSessionEnder(
  context: CommandContext,
  userId: string,
): (deviceIds: readonly string[], signal?: AbortSignal) => Promise<number> {
  let account: Promise<{ mas: MasAdmin; id: string } | undefined> | undefined;
  const find = async (signal: AbortSignal | undefined) => {
    const mas = await context.mas();
    try {
      const { data } = await mas.users.getByUsername(localpartOf(userId), signal ? { signal } : {});
      return { mas, id: data.id };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      context.note(`MAS has no user ${localpartOf(userId)} (for ${userId}): no MAS sessions to end.`);
      return undefined;
    }
  };
  return async (deviceIds, signal) => {
    account ??= find(signal);
    // A failed look-up is not kept: the next device asks again.
    const found = await account.catch((error: unknown) => {
      account = undefined;
      throw error;
    });
    return found ? endDeviceSessionsInMas(found.mas, found.id, deviceIds, signal) : 0;
  };
}

/** Ends the MAS sessions of a local Matrix user's devices; see {@link deviceSessionEnder}. */
export function endDeviceSessions(
  context: CommandContext,
  userId: string,
  deviceIds: readonly string[],
  signal?: AbortSignal,
): Promise<number> {
  return deviceSessionEnder(context, userId)(deviceIds, signal);
}

/**
 * Deactivates a local user in MAS (`POST users/{id}/deactivate`), which
 * deactivates them in Synapse too, erasing them there only with `erase`; then
 * checks that Synapse has them deactivated. Answers in the shape of Synapse's
 * own deactivation (`id_server_unbind_result`), since MAS's answer has no such
 * field: `success` once both sides have the account deactivated.
 */
export async function deactivateInMas(
  context: CommandContext,
  userId: string,
  erase: boolean,
  signal?: AbortSignal,
): Promise<{ id_server_unbind_result: string }> {
  const { mas, id, user } = await masAccountOf(context, userId);
  if (!user.deactivated_at)
    await mas.users.deactivate(id, erase ? {} : { skipErase: true }, signal ? { signal } : {});
  const synapse = await (await context.admin()).users.get(userId as UserId, signal ? { signal } : {});
  if (!synapse.deactivated)
    throw new CliError(
      `MAS deactivated ${userId}, but Synapse still has the account active: ` +
        "check MAS's connection to the homeserver (its matrix.secret and endpoint)",
    );
  return { id_server_unbind_result: "success" };
}

/** Personal sessions last at least this long (seconds); MAS counts in whole seconds. */
const MIN_EXPIRES_IN_S = 1;
/** The largest `expires_in` MAS accepts (a uint32 of seconds). */
const MAX_EXPIRES_IN_S = 2 ** 32 - 1;

/**
 * A personal session acting as a local user, the MAS stand-in for Synapse's
 * login-as (`POST personal-sessions`): with the scope of the Matrix Client API
 * and no device, valid until `validUntilMs` (never ending when undefined).
 * Answers its access token and the session's ID.
 */
export async function personalSessionFor(
  context: CommandContext,
  userId: string,
  validUntilMs: number | undefined,
  purpose: string,
  signal?: AbortSignal,
): Promise<{ accessToken: string; sessionId: string }> {
  const { mas, id } = await masAccountOf(context, userId);
  let expiresIn: number | undefined;
  if (validUntilMs !== undefined) {
    expiresIn = Math.max(MIN_EXPIRES_IN_S, Math.ceil((validUntilMs - Date.now()) / 1000));
    if (expiresIn > MAX_EXPIRES_IN_S)
      throw new CliError(
        `MAS's personal sessions last at most ${MAX_EXPIRES_IN_S} seconds; choose an earlier expiry`,
        ExitCode.usage,
      );
  }
  const { data } = await mas.personalSessions.create(
    {
      actorUserId: id,
      humanName: purpose,
      scope: "urn:matrix:client:api:*",
      ...(expiresIn === undefined ? {} : { expiresIn }),
    },
    signal ? { signal } : {},
  );
  const accessToken = data.attributes.access_token;
  if (!accessToken) throw new CliError("MAS created the personal session but gave no access token");
  return { accessToken, sessionId: data.id };
}

/**
 * Creates a local user in MAS (`POST users`, which provisions them in
 * Synapse), then sets their password and admin flag there when given. A
 * password MAS refuses leaves the account created without one, and says so.
 */
export async function createInMas(
  context: CommandContext,
  userId: string,
  fields: { readonly password?: string | undefined; readonly admin?: boolean | undefined },
): Promise<MasAccount> {
  const mas = await context.mas();
  const { data } = await mas.users.create({ username: localpartOf(userId) });
  if (fields.password !== undefined) {
    try {
      await mas.users.setPassword(data.id, { password: fields.password });
    } catch (error) {
      throw new CliError(
        `created ${userId} in MAS, but MAS did not set the password (${(error as Error).message}); ` +
          `the account has none: set one with \`synadm user password ${userId}\``,
      );
    }
  }
  const user = fields.admin ? (await mas.users.setAdmin(data.id, { admin: true })).data : data;
  return { mas, id: data.id, user: user.attributes };
}
