import { InvalidArgumentError } from "../errors.ts";

// The camelCase options of the MAS resources' requests, and how each is named
// on the wire: for each operation of MAS's OpenAPI description that takes a
// body or filters, every option and the one body field or query parameter it
// is sent as. The resources re-export the option types; the tables stay out of
// the package's exports, and test/unit/api/mas-coverage.test.ts holds each
// against the description.

/** Each option of `O`, and the name MAS gives it on the wire; exactly the options, no others. */
export type WireNames<O> = { readonly [K in keyof Required<O>]: string };

/** The options of {@link MasUsersResource.create}: the body `AddUserRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasAddUserOptions {
  /** `username`: the localpart of the user's Matrix ID. */
  username: string;
  /** `displayname` */
  displayname?: string | null | undefined;
  /** `avatar_url` */
  avatarUrl?: string | null | undefined;
  /** `skip_homeserver_check`: create it without asking the homeserver whether the username is free. */
  skipHomeserverCheck?: boolean | undefined;
}

/** The options of {@link MasUsersResource.deactivate}: the body `DeactivateUserRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasDeactivateUserOptions {
  /** `skip_erase`: keep the user's data on the homeserver. */
  skipErase?: boolean | undefined;
}

/** The options of {@link MasUsersResource.setPassword}: the body `SetUserPasswordRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasSetUserPasswordOptions {
  /** `password` */
  password: string;
  /** `skip_password_check`: set it whatever its complexity. */
  skipPasswordCheck?: boolean | null | undefined;
}

/** The options of {@link MasUsersResource.setAdmin}: the body `UserSetAdminRequest` of MAS's OpenAPI description. */
export interface MasUserSetAdminOptions {
  /** `admin`: whether the user may request admin scopes. */
  admin: boolean;
}

/** The filters of {@link MasUsersResource.list}. */
export interface MasUserFilter {
  /** `filter[admin]` */
  admin?: boolean | undefined;
  /** `filter[legacy-guest]` */
  legacyGuest?: boolean | undefined;
  /** `filter[search]` */
  search?: string | undefined;
  /** `filter[status]` */
  status?: "active" | "locked" | "deactivated" | undefined;
  /** `filter[active-oauth2-client]` */
  activeOauth2Client?: Array<string> | undefined;
  /** `filter[has-active-oauth2-session]` */
  hasActiveOauth2Session?: boolean | undefined;
  /** `filter[has-active-compat-session]` */
  hasActiveCompatSession?: boolean | undefined;
}

/** The options of {@link MasUserEmailsResource.add}: the body `AddUserEmailRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasAddUserEmailOptions {
  /** `user_id`: the ID of the MAS user. */
  userId: string;
  /** `email` */
  email: string;
}

/** The filters of {@link MasUserEmailsResource.list}. */
export interface MasUserEmailFilter {
  /** `filter[user]` */
  user?: string | undefined;
  /** `filter[email]` */
  email?: string | undefined;
}

/** The filters of {@link MasUserSessionsResource.list}. */
export interface MasUserSessionFilter {
  /** `filter[user]` */
  user?: string | undefined;
  /** `filter[status]` */
  status?: "active" | "finished" | undefined;
  /** `filter[created-before]` */
  createdBefore?: string | undefined;
  /** `filter[created-after]` */
  createdAfter?: string | undefined;
  /** `filter[last-active-before]` */
  lastActiveBefore?: string | undefined;
  /** `filter[last-active-after]` */
  lastActiveAfter?: string | undefined;
}

/** The filters of {@link MasCompatSessionsResource.list}. */
export interface MasCompatSessionFilter {
  /** `filter[user]` */
  user?: string | undefined;
  /** `filter[user-session]` */
  userSession?: string | undefined;
  /** `filter[status]` */
  status?: "active" | "finished" | undefined;
  /** `filter[created-before]` */
  createdBefore?: string | undefined;
  /** `filter[created-after]` */
  createdAfter?: string | undefined;
  /** `filter[last-active-before]` */
  lastActiveBefore?: string | undefined;
  /** `filter[last-active-after]` */
  lastActiveAfter?: string | undefined;
}

/** The filters of {@link MasOAuth2SessionsResource.list}. */
export interface MasOAuth2SessionFilter {
  /** `filter[user]` */
  user?: string | undefined;
  /** `filter[client]` */
  client?: Array<string> | undefined;
  /** `filter[client-kind]` */
  clientKind?: "dynamic" | "static" | undefined;
  /** `filter[user-session]` */
  userSession?: string | undefined;
  /** `filter[scope]` */
  scope?: Array<string> | undefined;
  /** `filter[status]` */
  status?: "active" | "finished" | undefined;
  /** `filter[created-before]` */
  createdBefore?: string | undefined;
  /** `filter[created-after]` */
  createdAfter?: string | undefined;
  /** `filter[last-active-before]` */
  lastActiveBefore?: string | undefined;
  /** `filter[last-active-after]` */
  lastActiveAfter?: string | undefined;
}

/** The filters of {@link MasOAuth2ClientsResource.list}. */
export interface MasOAuth2ClientFilter {
  /** `filter[client-kind]` */
  clientKind?: "dynamic" | "static" | undefined;
  /** `filter[client-name]` */
  clientName?: string | undefined;
  /** `filter[client-uri]` */
  clientUri?: string | undefined;
  /** `filter[grant-type]` */
  grantType?: string | undefined;
  /** `filter[has-active-sessions]` */
  hasActiveSessions?: boolean | undefined;
}

/** The options of {@link MasPersonalSessionsResource.create}: the body `CreatePersonalSessionRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasCreatePersonalSessionOptions {
  /** `actor_user_id`: the ID of the MAS user the session acts as. */
  actorUserId: string;
  /** `human_name`: what the session is for. */
  humanName: string;
  /** `scope`: the OAuth 2.0 scopes of its token, space-separated. */
  scope: string;
  /** `expires_in`: seconds until the token expires; `null` or absent: never. */
  expiresIn?: number | null | undefined;
}

/** The options of {@link MasPersonalSessionsResource.regenerate}: the body `RegeneratePersonalSessionRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasRegeneratePersonalSessionOptions {
  /** `expires_in`: seconds until the new token expires; `null` or absent: never. */
  expiresIn?: number | null | undefined;
}

/** The filters of {@link MasPersonalSessionsResource.list}. */
export interface MasPersonalSessionFilter {
  /** `filter[owner_user]` */
  ownerUser?: string | undefined;
  /** `filter[owner_client]` */
  ownerClient?: string | undefined;
  /** `filter[actor_user]` */
  actorUser?: string | undefined;
  /** `filter[scope]` */
  scope?: Array<string> | undefined;
  /** `filter[status]` */
  status?: "active" | "revoked" | undefined;
  /** `filter[expires_before]` */
  expiresBefore?: string | undefined;
  /** `filter[expires_after]` */
  expiresAfter?: string | undefined;
  /** `filter[expires]` */
  expires?: boolean | undefined;
}

/** The options of {@link MasRegistrationTokensResource.add}: the body `AddUserRegistrationTokenRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasAddUserRegistrationTokenOptions {
  /** `token`: the token itself; absent or `null`: a random one. */
  token?: string | null | undefined;
  /** `usage_limit`: how many registrations it allows; absent or `null`: unlimited. */
  usageLimit?: number | null | undefined;
  /** `expires_at`: when it expires (RFC 3339); absent or `null`: never. */
  expiresAt?: string | null | undefined;
}

/** The options of {@link MasRegistrationTokensResource.update}: the body `EditUserRegistrationTokenRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasEditUserRegistrationTokenOptions {
  /** `usage_limit`: how many registrations it allows; `null` removes the limit, absent keeps it. */
  usageLimit?: number | null | undefined;
  /** `expires_at`: when it expires (RFC 3339); `null` removes the expiry, absent keeps it. */
  expiresAt?: string | null | undefined;
}

/** The filters of {@link MasRegistrationTokensResource.list}. */
export interface MasUserRegistrationTokenFilter {
  /** `filter[used]` */
  used?: boolean | undefined;
  /** `filter[revoked]` */
  revoked?: boolean | undefined;
  /** `filter[expired]` */
  expired?: boolean | undefined;
  /** `filter[valid]` */
  valid?: boolean | undefined;
}

/** The options of {@link MasUpstreamOAuthLinksResource.add}: the body `AddUpstreamOauthLinkRequest` of MAS's OpenAPI description, in camelCase. */
export interface MasAddUpstreamOauthLinkOptions {
  /** `user_id`: the ID of the MAS user. */
  userId: string;
  /** `provider_id`: the ID of the upstream provider. */
  providerId: string;
  /** `subject`: the user's subject at the provider. */
  subject: string;
  /** `human_account_name`: the account's name at the provider, to show. */
  humanAccountName?: string | null | undefined;
}

/** The filters of {@link MasUpstreamOAuthLinksResource.list}. */
export interface MasUpstreamOAuthLinkFilter {
  /** `filter[user]` */
  user?: string | undefined;
  /** `filter[provider]` */
  provider?: string | undefined;
  /** `filter[subject]` */
  subject?: string | undefined;
  /** `filter[human-account-name]` */
  humanAccountName?: string | undefined;
}

/** The filters of {@link MasUpstreamOAuthProvidersResource.list}. */
export interface MasUpstreamOAuthProviderFilter {
  /** `filter[enabled]` */
  enabled?: boolean | undefined;
}

/** The options of {@link MasPolicyDataResource.set}: the body `SetPolicyDataRequest` of MAS's OpenAPI description. */
export interface MasSetPolicyDataOptions {
  /** `data`: the policy engine's data, any JSON. */
  data: unknown;
}

/**
 * Paging of every MAS list, in the same options object as its filters:
 * forwards with `first` and `after`, backwards with `last` and `before`.
 */
export interface MasPaging {
  /** Items per page (`page[first]`; MAS's default is 10). */
  first?: number | undefined;
  /** The ID (cursor) after which the page starts (`page[after]`). */
  after?: string | undefined;
  /** Items per page counted from the end (`page[last]`). */
  last?: number | undefined;
  /** The ID (cursor) before which the page ends (`page[before]`). */
  before?: string | undefined;
  /** Whether to count the matching items (`count`): `only` answers the count without items. */
  count?: "true" | "false" | "only" | undefined;
}

/** The body of each operation with one, by operationId: option → MAS's snake_case field. */
export const MAS_BODY_FIELDS: {
  readonly createUser: WireNames<MasAddUserOptions>;
  readonly deactivateUser: WireNames<MasDeactivateUserOptions>;
  readonly userSetAdmin: WireNames<MasUserSetAdminOptions>;
  readonly setUserPassword: WireNames<MasSetUserPasswordOptions>;
  readonly addUserEmail: WireNames<MasAddUserEmailOptions>;
  readonly createPersonalSession: WireNames<MasCreatePersonalSessionOptions>;
  readonly regeneratePersonalSession: WireNames<MasRegeneratePersonalSessionOptions>;
  readonly addUserRegistrationToken: WireNames<MasAddUserRegistrationTokenOptions>;
  readonly updateUserRegistrationToken: WireNames<MasEditUserRegistrationTokenOptions>;
  readonly addUpstreamOAuthLink: WireNames<MasAddUpstreamOauthLinkOptions>;
  readonly setPolicyData: WireNames<MasSetPolicyDataOptions>;
} = {
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
};

/** The filters of each list, by operationId: option → MAS's `filter[...]` query parameter. */
export const MAS_FILTER_PARAMETERS: {
  readonly listUsers: WireNames<MasUserFilter>;
  readonly listUserEmails: WireNames<MasUserEmailFilter>;
  readonly listUserSessions: WireNames<MasUserSessionFilter>;
  readonly listCompatSessions: WireNames<MasCompatSessionFilter>;
  readonly listOAuth2Sessions: WireNames<MasOAuth2SessionFilter>;
  readonly listOAuth2Clients: WireNames<MasOAuth2ClientFilter>;
  readonly listPersonalSessions: WireNames<MasPersonalSessionFilter>;
  readonly listUserRegistrationTokens: WireNames<MasUserRegistrationTokenFilter>;
  readonly listUpstreamOAuthLinks: WireNames<MasUpstreamOAuthLinkFilter>;
  readonly listUpstreamOAuthProviders: WireNames<MasUpstreamOAuthProviderFilter>;
} = {
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
};

/** The paging options every MAS list takes, and their query parameters. */
export const MAS_PAGING_PARAMETERS: WireNames<MasPaging> = {
  first: "page[first]",
  after: "page[after]",
  last: "page[last]",
  before: "page[before]",
  count: "count",
};

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
