import { MasApiError } from "./errors.ts";
import { HttpClient, type HttpClientOptions } from "./http-client.ts";
import { MasCompatSessionsResource } from "./resources/mas-compat-sessions.ts";
import { MasOAuth2ClientsResource } from "./resources/mas-oauth2-clients.ts";
import { MasOAuth2SessionsResource } from "./resources/mas-oauth2-sessions.ts";
import { MasPersonalSessionsResource } from "./resources/mas-personal-sessions.ts";
import { MasPolicyDataResource } from "./resources/mas-policy-data.ts";
import { MasRegistrationTokensResource } from "./resources/mas-registration-tokens.ts";
import { MasServerResource } from "./resources/mas-server.ts";
import { MasUpstreamOAuthLinksResource } from "./resources/mas-upstream-oauth-links.ts";
import { MasUpstreamOAuthProvidersResource } from "./resources/mas-upstream-oauth-providers.ts";
import { MasUserEmailsResource } from "./resources/mas-user-emails.ts";
import { MasUserSessionsResource } from "./resources/mas-user-sessions.ts";
import { MasUsersResource } from "./resources/mas-users.ts";

/** Options of {@link MasAdmin}: those of {@link HttpClient}, for MAS instead of Synapse. */
export interface MasAdminOptions
  extends Omit<HttpClientOptions, "adminPath" | "matrixPath" | "errorFor" | "baseUrl" | "accessToken"> {
  /**
   * Where MAS serves its admin API: its public base (the issuer), e.g.
   * `https://auth.example.org` (a sub-path is kept).
   */
  readonly baseUrl: string;
  /** An access token with the scope `urn:mas:admin`. */
  readonly accessToken?: string;
  /** The admin API's prefix (default `/api/admin/v1`). */
  readonly adminPath?: string;
}

/**
 * A typed client of the Matrix Authentication Service's admin API
 * (`/api/admin/v1`), one resource per tag of its OpenAPI description. Lists
 * are {@link PagedList}s following MAS's cursors; failures are
 * {@link MasApiError}s with the `errors[].title` MAS gave. Each call takes one
 * options object in camelCase, sent in MAS's snake_case; a list takes its
 * filters and paging (`first`, `after`, `last`, `before`, `count`) together.
 * Answers are MAS's JSON as it sent them.
 *
 * @example
 * const mas = new MasAdmin({ baseUrl: "https://auth.example.org", accessToken });
 * for await (const user of mas.users.list({ status: "locked", first: 100 })) console.log(user.attributes.username);
 * const { data } = await mas.users.create({ username: "alice", skipHomeserverCheck: true });
 * await mas.users.deactivate(data.id, { skipErase: true });
 */
export class MasAdmin {
  /** The transport-level client every MAS resource shares (its `admin` prefix is MAS's). */
  readonly http: HttpClient;
  /** Version and site configuration (`server`). */
  readonly server: MasServerResource;
  /** Users (`user`). */
  readonly users: MasUsersResource;
  /** Users' email addresses (`user-email`). */
  readonly userEmails: MasUserEmailsResource;
  /** Browser sessions (`user-session`). */
  readonly userSessions: MasUserSessionsResource;
  /** Compatibility sessions (`compat-session`). */
  readonly compatSessions: MasCompatSessionsResource;
  /** OAuth 2.0 sessions (`oauth2-session`). */
  readonly oauth2Sessions: MasOAuth2SessionsResource;
  /** OAuth 2.0 clients (`oauth2-client`). */
  readonly oauth2Clients: MasOAuth2ClientsResource;
  /** Personal sessions (`personal-session`). */
  readonly personalSessions: MasPersonalSessionsResource;
  /** User registration tokens (`user-registration-token`). */
  readonly registrationTokens: MasRegistrationTokensResource;
  /** Links to upstream identity providers (`upstream-oauth-link`). */
  readonly upstreamOAuthLinks: MasUpstreamOAuthLinksResource;
  /** Upstream identity providers (`upstream-oauth-provider`). */
  readonly upstreamOAuthProviders: MasUpstreamOAuthProvidersResource;
  /** The policy engine's data (`policy-data`). */
  readonly policyData: MasPolicyDataResource;

  constructor(options: MasAdminOptions) {
    this.http = new HttpClient({
      ...options,
      adminPath: options.adminPath ?? "/api/admin/v1",
      errorFor: (status, body, request) => new MasApiError(status, body, request),
    });
    this.server = new MasServerResource(this.http);
    this.users = new MasUsersResource(this.http);
    this.userEmails = new MasUserEmailsResource(this.http);
    this.userSessions = new MasUserSessionsResource(this.http);
    this.compatSessions = new MasCompatSessionsResource(this.http);
    this.oauth2Sessions = new MasOAuth2SessionsResource(this.http);
    this.oauth2Clients = new MasOAuth2ClientsResource(this.http);
    this.personalSessions = new MasPersonalSessionsResource(this.http);
    this.registrationTokens = new MasRegistrationTokensResource(this.http);
    this.upstreamOAuthLinks = new MasUpstreamOAuthLinksResource(this.http);
    this.upstreamOAuthProviders = new MasUpstreamOAuthProvidersResource(this.http);
    this.policyData = new MasPolicyDataResource(this.http);
  }
}
