import { InvalidArgumentError } from "../errors.ts";

// How the MAS resources' camelCase options are named on the wire: for each
// operation of MAS's OpenAPI description that takes a body or filters, every
// option and the one body field or query parameter it is sent as. Kept apart
// from the resources (and out of the package's exports) so that
// test/unit/api/mas-coverage.test.ts can hold each table against the description.

/** Each option of `O`, and the name MAS gives it on the wire; exactly the options, no others. */
export type WireNames<O> = { readonly [K in keyof Required<O>]: string };

/** The body of each operation with one, by operationId: option → MAS's snake_case field. */
export const MAS_BODY_FIELDS = {
  createUser: {
    username: "username",
    displayname: "displayname",
    avatarUrl: "avatar_url",
    skipHomeserverCheck: "skip_homeserver_check",
  },
  deactivateUser: { skipErase: "skip_erase" },
  userSetAdmin: { admin: "admin" },
  setUserPassword: { password: "password", skipPasswordCheck: "skip_password_check" },
  addUserEmail: { userId: "user_id", email: "email" },
  createPersonalSession: {
    actorUserId: "actor_user_id",
    humanName: "human_name",
    scope: "scope",
    expiresIn: "expires_in",
  },
  regeneratePersonalSession: { expiresIn: "expires_in" },
  addUserRegistrationToken: { token: "token", usageLimit: "usage_limit", expiresAt: "expires_at" },
  updateUserRegistrationToken: { usageLimit: "usage_limit", expiresAt: "expires_at" },
  addUpstreamOAuthLink: {
    userId: "user_id",
    providerId: "provider_id",
    subject: "subject",
    humanAccountName: "human_account_name",
  },
  setPolicyData: { data: "data" },
} as const satisfies Record<string, Record<string, string>>;

/** The filters of each list, by operationId: option → MAS's `filter[...]` query parameter. */
export const MAS_FILTER_PARAMETERS = {
  listUsers: {
    admin: "filter[admin]",
    legacyGuest: "filter[legacy-guest]",
    search: "filter[search]",
    status: "filter[status]",
    activeOauth2Client: "filter[active-oauth2-client]",
    hasActiveOauth2Session: "filter[has-active-oauth2-session]",
    hasActiveCompatSession: "filter[has-active-compat-session]",
  },
  listUserEmails: { user: "filter[user]", email: "filter[email]" },
  listUserSessions: {
    user: "filter[user]",
    status: "filter[status]",
    createdBefore: "filter[created-before]",
    createdAfter: "filter[created-after]",
    lastActiveBefore: "filter[last-active-before]",
    lastActiveAfter: "filter[last-active-after]",
  },
  listCompatSessions: {
    user: "filter[user]",
    userSession: "filter[user-session]",
    status: "filter[status]",
    createdBefore: "filter[created-before]",
    createdAfter: "filter[created-after]",
    lastActiveBefore: "filter[last-active-before]",
    lastActiveAfter: "filter[last-active-after]",
  },
  listOAuth2Sessions: {
    user: "filter[user]",
    client: "filter[client]",
    clientKind: "filter[client-kind]",
    userSession: "filter[user-session]",
    scope: "filter[scope]",
    status: "filter[status]",
    createdBefore: "filter[created-before]",
    createdAfter: "filter[created-after]",
    lastActiveBefore: "filter[last-active-before]",
    lastActiveAfter: "filter[last-active-after]",
  },
  listOAuth2Clients: {
    clientKind: "filter[client-kind]",
    clientName: "filter[client-name]",
    clientUri: "filter[client-uri]",
    grantType: "filter[grant-type]",
    hasActiveSessions: "filter[has-active-sessions]",
  },
  listPersonalSessions: {
    ownerUser: "filter[owner_user]",
    ownerClient: "filter[owner_client]",
    actorUser: "filter[actor_user]",
    scope: "filter[scope]",
    status: "filter[status]",
    expiresBefore: "filter[expires_before]",
    expiresAfter: "filter[expires_after]",
    expires: "filter[expires]",
  },
  listUserRegistrationTokens: {
    used: "filter[used]",
    revoked: "filter[revoked]",
    expired: "filter[expired]",
    valid: "filter[valid]",
  },
  listUpstreamOAuthLinks: {
    user: "filter[user]",
    provider: "filter[provider]",
    subject: "filter[subject]",
    humanAccountName: "filter[human-account-name]",
  },
  listUpstreamOAuthProviders: { enabled: "filter[enabled]" },
} as const satisfies Record<string, Record<string, string>>;

/** The paging options every MAS list takes, and their query parameters. */
export const MAS_PAGING_PARAMETERS = {
  first: "page[first]",
  after: "page[after]",
  last: "page[last]",
  before: "page[before]",
  count: "count",
} as const;

/**
 * `given` with each option renamed as `names` says, options left `undefined`
 * not sent (a `null` is). An option `names` does not know (a snake_case field of 0.1, a typo) is an
 * {@link InvalidArgumentError} before any request rather than silently
 * dropped: `{ skip_erase: true }` must not erase a user.
 */
export function toWire<O extends object>(
  parameter: string,
  given: O,
  names: WireNames<O>,
): Record<string, unknown> {
  const table: Readonly<Record<string, string>> = names;
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!Object.hasOwn(table, key)) {
      const known = Object.keys(table);
      throw new InvalidArgumentError(
        parameter,
        `unknown option ${JSON.stringify(key)}; ${known.length ? `expected one of ${known.join(", ")}` : "expected none"}`,
      );
    }
    if (value !== undefined) wire[table[key]!] = value;
  }
  return wire;
}
