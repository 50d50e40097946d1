import { type AuthDelegation, discoverAuthDelegation } from "./auth-delegation.ts";
import { type DiscoveryOptions, discoverServerName } from "./discovery.ts";
import { AbortError } from "./errors.ts";
import { type ApiRequest, HttpClient, type HttpClientOptions, type RequestOptions } from "./http-client.ts";
import { expandUserId, parseUserInput, type UserId } from "./ids.ts";
import { AccountValidityResource } from "./resources/account-validity.ts";
import { AdminClientConfigResource } from "./resources/admin-client-config.ts";
import { BackgroundUpdatesResource } from "./resources/background-updates.ts";
import { EventReportsResource } from "./resources/event-reports.ts";
import { EventsResource } from "./resources/events.ts";
import { ExperimentalFeaturesResource } from "./resources/experimental-features.ts";
import { FederationResource } from "./resources/federation.ts";
import { MatrixResource } from "./resources/matrix.ts";
import { MediaResource } from "./resources/media.ts";
import { PurgeHistoryResource } from "./resources/purge-history.ts";
import { RegisterResource } from "./resources/register.ts";
import { RegistrationTokensResource } from "./resources/registration-tokens.ts";
import { RoomsResource } from "./resources/rooms.ts";
import { ScheduledTasksResource } from "./resources/scheduled-tasks.ts";
import { ServerNoticesResource } from "./resources/server-notices.ts";
import { StatisticsResource } from "./resources/statistics.ts";
import { UserReportsResource } from "./resources/user-reports.ts";
import { UsersResource } from "./resources/users.ts";
import { VersionResource } from "./resources/version.ts";

/** Options of {@link SynapseAdmin}. */
export interface SynapseAdminOptions extends HttpClientOptions {
  /** The homeserver's name (`example.org`); discovered on first need when not given. */
  readonly serverName?: string;
  /** How to discover the server name (default `well-known`). */
  readonly discovery?: Partial<DiscoveryOptions>;
  /**
   * Whether the server delegates auth (MAS), when already known, or how to
   * find out; by default asked of the server ({@link discoverAuthDelegation})
   * on first need: the first user list.
   */
  readonly authDelegation?: AuthDelegation | (() => Promise<AuthDelegation>);
}

/**
 * A typed client of the Synapse Admin API.
 *
 * @example
 * const admin = new SynapseAdmin({ baseUrl: "https://matrix.example.org", accessToken });
 * const { server_version } = await admin.version.get();
 */
export class SynapseAdmin {
  /** The transport-level client every resource shares. */
  readonly http: HttpClient;
  readonly #discovery: DiscoveryOptions;
  #serverName: Promise<string> | undefined;
  #authDelegation: Promise<AuthDelegation> | undefined;
  readonly #findAuthDelegation: () => Promise<AuthDelegation>;
  /** The Version API. */
  readonly version: VersionResource;
  /** The User Admin API. */
  readonly users: UsersResource;
  /** The Rooms Admin API, room membership, room media and the room directory. */
  readonly rooms: RoomsResource;
  /** The Media Admin API. */
  readonly media: MediaResource;
  /** The Purge History API. */
  readonly purgeHistory: PurgeHistoryResource;
  /** The Registration Tokens API. */
  readonly registrationTokens: RegistrationTokensResource;
  /** The Server Notices API. */
  readonly serverNotices: ServerNoticesResource;
  /** The admin's own client config (Client-Server API extensions). */
  readonly adminClientConfig: AdminClientConfigResource;
  /** The Event Reports API. */
  readonly eventReports: EventReportsResource;
  /** User reports (Synapse 1.152; not on a doc page yet). */
  readonly userReports: UserReportsResource;
  /** The Federation API (destinations). */
  readonly federation: FederationResource;
  /** The Statistics API. */
  readonly statistics: StatisticsResource;
  /** The Background Updates API. */
  readonly backgroundUpdates: BackgroundUpdatesResource;
  /** The Scheduled Tasks API. */
  readonly scheduledTasks: ScheduledTasksResource;
  /** The Fetch Event API. */
  readonly events: EventsResource;
  /** The Experimental Features API. */
  readonly experimentalFeatures: ExperimentalFeaturesResource;
  /** Shared-secret registration: creates users without an access token. */
  readonly register: RegisterResource;
  /** The Account validity API. */
  readonly accountValidity: AccountValidityResource;
  /** Client-server and federation calls: login, whoami, room aliases, server keys. */
  readonly matrix: MatrixResource;

  constructor(options: SynapseAdminOptions) {
    this.http = new HttpClient(options);
    this.#discovery = { mode: "well-known", ...options.discovery };
    if (options.serverName !== undefined) this.#serverName = Promise.resolve(options.serverName);
    this.version = new VersionResource(this.http);
    const given = options.authDelegation;
    if (typeof given === "object") this.#authDelegation = Promise.resolve(given);
    this.#findAuthDelegation = typeof given === "function" ? given : () => discoverAuthDelegation(this.http);
    this.users = new UsersResource(this.http, async () => (await this.authDelegation()).delegated);
    this.rooms = new RoomsResource(this.http);
    this.media = new MediaResource(this.http);
    this.purgeHistory = new PurgeHistoryResource(this.http);
    this.registrationTokens = new RegistrationTokensResource(this.http);
    this.serverNotices = new ServerNoticesResource(this.http);
    this.adminClientConfig = new AdminClientConfigResource(this.http);
    this.eventReports = new EventReportsResource(this.http);
    this.userReports = new UserReportsResource(this.http);
    this.federation = new FederationResource(this.http);
    this.statistics = new StatisticsResource(this.http);
    this.backgroundUpdates = new BackgroundUpdatesResource(this.http);
    this.scheduledTasks = new ScheduledTasksResource(this.http);
    this.events = new EventsResource(this.http);
    this.experimentalFeatures = new ExperimentalFeaturesResource(this.http);
    this.register = new RegisterResource(this.http);
    this.accountValidity = new AccountValidityResource(this.http);
    this.matrix = new MatrixResource(this.http);
  }

  /**
   * The homeserver's name, discovered once and remembered (`GET /_matrix/client/v3/account/whoami`,
   * else the federation keys of the server found by well-known or DNS). The signal stops this
   * caller's wait; a discovery other callers share goes on.
   */
  serverName(options: RequestOptions = {}): Promise<string> {
    this.#serverName ??= discoverServerName(this.http, this.#discovery).catch((error: unknown) => {
      this.#serverName = undefined;
      throw error;
    });
    return untilAborted(this.#serverName, options.signal);
  }

  /**
   * Whether the server delegates auth to the Matrix Authentication Service (or
   * another OAuth 2.0 server), found once and remembered
   * (`GET /_matrix/client/v1/auth_metadata`, else its MSC2965 name). A failure
   * is not remembered.
   */
  authDelegation(options: RequestOptions = {}): Promise<AuthDelegation> {
    this.#authDelegation ??= this.#findAuthDelegation().catch((error: unknown) => {
      this.#authDelegation = undefined;
      throw error;
    });
    return untilAborted(this.#authDelegation, options.signal, "wait for the auth metadata");
  }

  /** A full user ID from a user ID or a bare localpart (`alice` → `@alice:example.org`). */
  async userId(userOrLocalpart: string, options: RequestOptions = {}): Promise<UserId> {
    const input = parseUserInput(userOrLocalpart);
    return "userId" in input ? input.userId : expandUserId(input.localpart, await this.serverName(options));
  }

  /**
   * Any Admin API call, for endpoints the typed resources do not cover yet.
   * `path` is relative to the admin prefix and must already be encoded.
   */
  request<T = unknown>(request: ApiRequest<T>): Promise<T> {
    return this.http.request(request);
  }
}

/** `promise`, or an `AbortError` as soon as the signal fires. */
function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  what = "wait for the server name",
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortError(what));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError(what));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
