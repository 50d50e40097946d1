// A stand-in for the Matrix Authentication Service's admin API, for tests: a
// test double of MAS's interface, not a second MAS. It keeps its records in
// memory, checks every request it receives and every answer it gives against
// MAS's own OpenAPI description (test/fixtures/mas-admin-api/openapi.json),
// and keeps what did not fit in `violations`, which every test should find
// empty. What MAS does beyond the interface (its policy engine, password
// hashing) it does not do; a filter it does not implement is refused with a
// 400 saying so, never ignored. Its OAuth 2.0 section plays MAS's token,
// device and revocation endpoints for clients the tests register.
//
// For a real Synapse in MAS mode (`matrix_authentication_service` in its
// config, see test/support/synapse.ts) it also serves the two OAuth 2.0 pieces
// Synapse asks of MAS: its metadata (`/.well-known/openid-configuration`) and
// token introspection (`POST /oauth2/introspect`, authenticated with the
// shared secret), answering for the tokens it issued (`issueToken`, personal
// sessions, compat logins, each active while its session is). Connected to the homeserver (`connectHomeserver`), it keeps
// Synapse's users in step through Synapse's `/_synapse/mas/*` endpoints, as
// MAS does: users it creates are provisioned there, deactivations, locks and
// emails are passed on, and a finished session's device is deleted there.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRequest, HttpResponse, Transport } from "../../src/api/transport.ts";
import { type Matched, type OpenApi, OpenApiChecker } from "./openapi-check.ts";

const PREFIX = "/api/admin/v1";
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The description the stand-in holds itself to. */
export const MAS_OPENAPI: OpenApi = JSON.parse(
  readFileSync(new URL("../fixtures/mas-admin-api/openapi.json", import.meta.url), "utf8"),
) as OpenApi;

type Attributes = Record<string, unknown>;
interface Row {
  id: string;
  attributes: Attributes;
}

/** The collections, by the path segment of the admin API and the `type` of their objects. */
const TYPES = {
  users: "user",
  "user-emails": "user-email",
  "user-sessions": "user-session",
  "compat-sessions": "compat-session",
  "oauth2-sessions": "oauth2-session",
  "oauth2-clients": "oauth2-client",
  "personal-sessions": "personal-session",
  "user-registration-tokens": "user-registration-token",
  "upstream-oauth-links": "upstream-oauth-link",
  "upstream-oauth-providers": "upstream-oauth-provider",
  "policy-data": "policy-data",
} as const;
type Collection = keyof typeof TYPES;

/** One request the stand-in answered. */
export interface StandInRecord {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  /** The request's decoded body, if it had one. */
  readonly requestBody: unknown;
  readonly status: number;
  readonly body: unknown;
}

/** A token the stand-in issued, as introspection describes it. */
interface Issued {
  /** None for a client credentials token: no user is behind it. */
  readonly username: string | undefined;
  readonly scope: string;
  readonly deviceId: string | undefined;
  /** A personal session's token is active while the session is. */
  readonly personalSession?: string;
  /** A compat login's token is active while its compatibility session is. */
  readonly compatSession?: string;
  /** The client an OAuth 2.0 grant issued it to. */
  readonly clientId?: string;
  /** On the stand-in's clock (ms); none: it does not expire. */
  readonly expiresAt?: number;
}

/** A call to Synapse's `/_synapse/mas/*` that an operation makes, and what came of it. */
export interface HomeserverCall {
  readonly path: string;
  readonly body: Attributes;
  status?: number;
}

const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** An OAuth 2.0 client a test registered. */
interface OAuthClientRecord {
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly grantTypes: string[];
}

/** What a refresh token stands for; it is good once (rotation). */
interface RefreshGrant {
  readonly username: string | undefined;
  readonly scope: string;
  readonly clientId: string;
  readonly accessToken: string;
}

/** A device login under way. */
interface DeviceGrant {
  readonly userCode: string;
  readonly clientId: string;
  readonly scope: string;
  readonly expiresAt: number;
  lastPoll: number | undefined;
  decision: { approved: string } | "denied" | undefined;
}

class Refusal extends Error {
  readonly status: number;
  constructor(status: number, title: string) {
    super(title);
    this.status = status;
  }
}

export class MasStandIn {
  /** What did not fit the description, request or answer; empty in a passing test. */
  readonly violations: string[] = [];
  /** Every request answered, in order. */
  readonly requests: StandInRecord[] = [];
  /** The access token the admin API accepts (the scope `urn:mas:admin` is assumed). */
  readonly token: string;
  readonly serverName: string;
  readonly #checker = new OpenApiChecker(MAS_OPENAPI);
  readonly #rows = new Map<Collection, Map<string, Row>>();
  #clock = Date.parse("2026-08-01T00:00:00Z");
  #sequence = 0;
  #server: Server | undefined;
  #base = "http://127.0.0.1";
  readonly #issued = new Map<string, Issued>();
  #homeserver: { baseUrl: string; secret: string } | undefined;
  /** Calls to the homeserver the current operations asked for, made before their answers go out. */
  #pending: HomeserverCall[] = [];
  /** Every call made to the homeserver, in order. */
  readonly homeserverCalls: HomeserverCall[] = [];

  constructor(options: { token?: string; serverName?: string } = {}) {
    this.token = options.token ?? "mas_admin_token";
    this.serverName = options.serverName ?? "example.org";
    for (const collection of Object.keys(TYPES) as Collection[]) this.#rows.set(collection, new Map());
  }

  // --- Records the API cannot make, for tests to start from -------------------------------

  /** Adds a record as MAS would have made it (a session after a login, a configured client...). */
  seed(collection: Collection, attributes: Attributes): string {
    const id = this.#ulid();
    this.#rows.get(collection)!.set(id, { id, attributes: { created_at: this.#now(), ...attributes } });
    return id;
  }

  /** A user as `POST users` would have made it, with `extra` attributes (`admin: true`...). */
  seedUser(username: string, extra: Attributes = {}): string {
    return this.seed("users", { ...userAttributes(username), ...extra });
  }

  /** A record's attributes as the stand-in holds them, to check a test's effect. */
  record(collection: Collection, id: string): Attributes | undefined {
    return this.#rows.get(collection)!.get(id)?.attributes;
  }

  /** Every record of a collection. */
  records(collection: Collection): Row[] {
    return [...this.#rows.get(collection)!.values()];
  }

  // --- OAuth 2.0 for a homeserver in MAS mode ----------------------------------------------

  /**
   * From now on, operations that change users are passed on to this Synapse's
   * `/_synapse/mas/*` endpoints, with the secret both share (its
   * `matrix_authentication_service.secret`), which also authenticates its
   * introspection requests here.
   */
  connectHomeserver(baseUrl: string, secret: string): void {
    this.#homeserver = { baseUrl, secret };
  }

  /** An access token introspection answers as active for `username`, with `scope` (space-separated). */
  issueToken(username: string, scope: string, deviceId?: string): string {
    const token = this.#secret("mat");
    this.#issued.set(token, { username, scope, deviceId });
    return token;
  }

  /** Ends a token issued here: introspection answers it as inactive. */
  revokeToken(token: string): void {
    this.#issued.delete(token);
  }

  /** Calls a `/_synapse/mas/*` endpoint of the connected homeserver now; throws unless it answers 2xx. */
  async callHomeserver(path: string, body: Attributes): Promise<void> {
    const call: HomeserverCall = { path, body };
    await this.#call(call);
    if (call.status === undefined || call.status >= 300)
      throw new Error(`the homeserver answered ${path} with HTTP ${call.status}`);
  }

  async #call(call: HomeserverCall): Promise<void> {
    const homeserver = this.#homeserver;
    if (!homeserver) return;
    this.homeserverCalls.push(call);
    const response = await fetch(`${homeserver.baseUrl}/_synapse/mas/${call.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${homeserver.secret}`, "content-type": "application/json" },
      body: JSON.stringify(call.body),
    });
    await response.text();
    call.status = response.status;
    if (response.status >= 300)
      this.violations.push(`the homeserver answered ${call.path} with HTTP ${response.status}`);
  }

  /** Makes the homeserver calls the operations so far asked for, in order. */
  async settle(): Promise<void> {
    const calls = this.#pending.splice(0);
    for (const call of calls) await this.#call(call);
  }

  #tell(path: string, body: Attributes): void {
    if (this.#homeserver) this.#pending.push({ path, body });
  }

  #metadata(base: string): Attributes {
    // The fields Synapse reads (issuer, account_management_uri) and the endpoints it and clients would.
    return {
      ...this.#oauthMetadata(base),
      issuer: `${base}/`,
      account_management_uri: `${base}/account/`,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      introspection_endpoint: `${base}/oauth2/introspect`,
      revocation_endpoint: `${base}/oauth2/revoke`,
      jwks_uri: `${base}/oauth2/keys.json`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      code_challenge_methods_supported: ["S256"],
    };
  }

  /** RFC 7662: the caller authenticates with the shared secret; unknown or ended tokens are inactive. */
  #introspect(headers: Readonly<Record<string, string>>, text: string | undefined): [number, unknown] {
    const secret = this.#homeserver?.secret;
    if (!secret || headers["authorization"] !== `Bearer ${secret}`)
      return [401, { error: "invalid_client", error_description: "unknown client or wrong secret" }];
    const form = new URLSearchParams(text ?? "");
    const issued = this.#issued.get(form.get("token") ?? "");
    if (!issued || !this.#stillActive(issued)) return [200, { active: false }];
    const expiry = this.#expiryClaims(issued);
    const base = {
      active: true,
      scope: issued.scope,
      client_id: issued.clientId ?? "01J0000000000000000000STND",
      token_type: "access_token",
      ...expiry,
    };
    // A client credentials token: no username, which Synapse refuses (it wants a user).
    if (issued.username === undefined) return [200, base];
    const user = this.#find("users", (a) => a["username"] === issued.username);
    if (!user || user.attributes["deactivated_at"] || user.attributes["locked_at"])
      return [200, { active: false }];
    return [
      200,
      {
        ...base,
        username: issued.username,
        sub: user.id,
        ...(issued.deviceId ? { device_id: issued.deviceId } : {}),
      },
    ];
  }

  #stillActive(issued: Issued): boolean {
    if (issued.expiresAt !== undefined && issued.expiresAt <= this.#clock) return false;
    if (issued.compatSession)
      return !this.#rows.get("compat-sessions")!.get(issued.compatSession)?.attributes["finished_at"];
    if (!issued.personalSession) return true;
    const session = this.#rows.get("personal-sessions")!.get(issued.personalSession)?.attributes;
    if (!session || session["revoked_at"]) return false;
    const expires = session["expires_at"];
    return typeof expires !== "string" || Date.parse(expires) > this.#clock;
  }

  /** A personal session's new token, which introspection answers for its actor user and scope. */
  #personalToken(sessionId: string): string {
    const token = this.#secret("mpt");
    const session = this.#get("personal-sessions", sessionId).attributes;
    const actor = this.#rows.get("users")!.get(String(session["actor_user_id"]));
    for (const [old, issued] of this.#issued)
      if (issued.personalSession === sessionId) this.#issued.delete(old);
    this.#issued.set(token, {
      username: String(actor?.attributes["username"]),
      scope: String(session["scope"]),
      deviceId: undefined,
      personalSession: sessionId,
    });
    return token;
  }

  // --- OAuth 2.0 grants: clients, tokens, device login (RFC 6749, 7009, 8628) --------------
  // Clients are registered by tests; tokens expire on the stand-in's clock (`advanceClock`);
  // a device login waits for `approveDevice` or `denyDevice`. Requests are checked against
  // the RFCs' shapes (form-encoded, the parameters each grant requires, one way of
  // authenticating the client) and what does not fit goes to `violations`.

  readonly #clients = new Map<string, OAuthClientRecord>();
  readonly #refreshTokens = new Map<string, RefreshGrant>();
  readonly #devices = new Map<string, DeviceGrant>();
  /** Every request to the token endpoint, in order: its grant type and the client that made it. */
  readonly tokenRequests: { grantType: string; clientId: string | undefined; status: number }[] = [];
  /** Every token revoked at the revocation endpoint. */
  readonly revocations: string[] = [];
  /** Lifetime of the access tokens the grants issue, in seconds. */
  accessTokenLifetime = 300;
  /** The polling interval a device login asks for, in seconds (RFC 8628's default is 5). */
  deviceInterval = 1;

  /** A client the grants accept: confidential with a secret (client_secret_basic or _post), else public. */
  registerClient(client: { clientId: string; clientSecret?: string; grantTypes: readonly string[] }): void {
    this.#clients.set(client.clientId, { ...client, grantTypes: [...client.grantTypes] });
  }

  /** Moves the stand-in's clock on: tokens and device codes expire by it. */
  advanceClock(seconds: number): void {
    this.#clock += seconds * 1000;
  }

  /** The person at the verification URI approves the device login with this user code, as `username`. */
  approveDevice(userCode: string, username: string): void {
    this.#device(userCode).decision = { approved: username };
  }

  /** The person refuses it. */
  denyDevice(userCode: string): void {
    this.#device(userCode).decision = "denied";
  }

  /** The user codes of the device logins started and not yet finished. */
  get pendingUserCodes(): string[] {
    return [...this.#devices.values()].filter((d) => d.decision === undefined).map((d) => d.userCode);
  }

  #device(userCode: string): DeviceGrant {
    const device = [...this.#devices.values()].find((d) => d.userCode === userCode);
    if (!device) throw new Error(`no device login with the user code ${userCode}`);
    return device;
  }

  #oauthMetadata(base: string): Attributes {
    return {
      device_authorization_endpoint: `${base}/oauth2/device`,
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      grant_types_supported: [
        "authorization_code",
        "refresh_token",
        "client_credentials",
        "urn:ietf:params:oauth:grant-type:device_code",
      ],
    };
  }

  #expiryClaims(issued: Issued): Attributes {
    if (issued.expiresAt === undefined) return {};
    // `exp` as RFC 7662 has it; `expires_in` is what Synapse reads.
    return {
      exp: Math.floor(issued.expiresAt / 1000),
      expires_in: Math.max(0, Math.floor((issued.expiresAt - this.#clock) / 1000)),
    };
  }

  /** Whether the admin API takes this header: an active token issued here (a grant's, a personal one) with urn:mas:admin. */
  #grantsAdmin(authorization: string | undefined): boolean {
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    const issued = token === undefined ? undefined : this.#issued.get(token);
    if (!issued || !this.#stillActive(issued)) return false;
    return issued.scope.split(" ").includes("urn:mas:admin");
  }

  #oauthHandle(
    method: string,
    path: string,
    headers: Readonly<Record<string, string>>,
    text: string | undefined,
  ): { status: number; body: unknown } | undefined {
    const endpoints = ["/oauth2/token", "/oauth2/device", "/oauth2/revoke"];
    if (!endpoints.includes(path)) return undefined;
    const refuse = (status: number, error: string, description: string) => ({
      status,
      body: { error, error_description: description },
    });
    if (method !== "POST") {
      this.violations.push(`${method} ${path}: OAuth 2.0 endpoints take POST`);
      return refuse(405, "invalid_request", "use POST");
    }
    if (headers["content-type"]?.split(";")[0]?.trim() !== "application/x-www-form-urlencoded") {
      this.violations.push(`${path}: the body is not application/x-www-form-urlencoded`);
      return refuse(400, "invalid_request", "expected a form-encoded body");
    }
    const form = new URLSearchParams(text ?? "");
    for (const name of new Set(form.keys()))
      if (form.getAll(name).length > 1) this.violations.push(`${path}: parameter ${name} is repeated`);
    const client = this.#authenticateClient(path, headers, form);
    if ("refused" in client) return refuse(401, "invalid_client", client.refused);
    if (path === "/oauth2/device") return this.#startDevice(client.client, form, refuse);
    if (path === "/oauth2/revoke") {
      const token = form.get("token");
      if (!token) {
        this.violations.push("/oauth2/revoke: no token parameter (RFC 7009 section 2.1)");
        return refuse(400, "invalid_request", "token is required");
      }
      this.revocations.push(token);
      this.#issued.delete(token);
      this.#refreshTokens.delete(token);
      return { status: 200, body: {} };
    }
    const answer = this.#grant(client.client, form, refuse);
    this.tokenRequests.push({
      grantType: form.get("grant_type") ?? "",
      clientId: client.client.clientId,
      status: answer.status,
    });
    return answer;
  }

  /** RFC 6749 section 2.3: HTTP Basic or the form, never both; a public client names itself in the form. */
  #authenticateClient(
    path: string,
    headers: Readonly<Record<string, string>>,
    form: URLSearchParams,
  ): { client: OAuthClientRecord } | { refused: string } {
    const basic = /^Basic (.+)$/.exec(headers["authorization"] ?? "")?.[1];
    let id: string | undefined;
    let secret: string | undefined;
    if (basic !== undefined) {
      if (form.has("client_secret"))
        this.violations.push(`${path}: the client authenticated both ways (RFC 6749 section 2.3)`);
      const decoded = Buffer.from(basic, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      const unform = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
      id = unform(decoded.slice(0, colon));
      secret = unform(decoded.slice(colon + 1));
    } else {
      id = form.get("client_id") ?? undefined;
      secret = form.get("client_secret") ?? undefined;
    }
    if (!id) {
      this.violations.push(`${path}: the client is not named (client_id or HTTP Basic)`);
      return { refused: "no client" };
    }
    const client = this.#clients.get(id);
    if (!client) return { refused: "unknown client" };
    if (client.clientSecret !== undefined && client.clientSecret !== secret)
      return { refused: "wrong client secret" };
    if (client.clientSecret === undefined && secret !== undefined)
      return { refused: "a public client has no secret" };
    return { client };
  }

  #startDevice(
    client: OAuthClientRecord,
    form: URLSearchParams,
    refuse: (status: number, error: string, description: string) => { status: number; body: unknown },
  ): { status: number; body: unknown } {
    if (!client.grantTypes.includes(DEVICE_GRANT))
      return refuse(400, "unauthorized_client", "the client may not use the device code grant");
    const deviceCode = this.#secret("mdc");
    this.#sequence += 1;
    const letters = CROCKFORD.replace(/[0-9]/g, "");
    let userCode = "";
    for (let n = this.#sequence * 7919, i = 0; i < 8; i++, n = Math.floor(n / letters.length) + i * 13)
      userCode += letters[n % letters.length];
    userCode = `${userCode.slice(0, 4)}-${userCode.slice(4)}`;
    const expiresIn = 600;
    this.#devices.set(deviceCode, {
      userCode,
      clientId: client.clientId,
      scope: form.get("scope") ?? "",
      expiresAt: this.#clock + expiresIn * 1000,
      lastPoll: undefined,
      decision: undefined,
    });
    return {
      status: 200,
      body: {
        device_code: deviceCode,
        user_code: userCode,
        verification_uri: `${this.#base}/link`,
        verification_uri_complete: `${this.#base}/link?code=${userCode}`,
        expires_in: expiresIn,
        interval: this.deviceInterval,
      },
    };
  }

  #grant(
    client: OAuthClientRecord,
    form: URLSearchParams,
    refuse: (status: number, error: string, description: string) => { status: number; body: unknown },
  ): { status: number; body: unknown } {
    const grantType = form.get("grant_type");
    const required: Record<string, string[]> = {
      client_credentials: [],
      refresh_token: ["refresh_token"],
      [DEVICE_GRANT]: ["device_code"],
    };
    if (!grantType) {
      this.violations.push("/oauth2/token: no grant_type (RFC 6749 section 4)");
      return refuse(400, "invalid_request", "grant_type is required");
    }
    const needed = required[grantType];
    if (!needed) return refuse(400, "unsupported_grant_type", `the stand-in does not do ${grantType}`);
    for (const name of needed)
      if (!form.get(name)) {
        this.violations.push(`/oauth2/token: ${grantType} without ${name}`);
        return refuse(400, "invalid_request", `${name} is required`);
      }
    if (!client.grantTypes.includes(grantType))
      return refuse(400, "unauthorized_client", `the client may not use ${grantType}`);
    if (grantType === "client_credentials") {
      if (client.clientSecret === undefined)
        return refuse(401, "invalid_client", "a public client cannot use client credentials");
      return this.#tokens(undefined, form.get("scope") ?? "", client.clientId, false);
    }
    if (grantType === "refresh_token") {
      const token = form.get("refresh_token")!;
      const grant = this.#refreshTokens.get(token);
      if (!grant || grant.clientId !== client.clientId)
        return refuse(400, "invalid_grant", "unknown or used refresh token");
      // Rotation: a refresh token is good once; its access token ends with it.
      this.#refreshTokens.delete(token);
      this.#issued.delete(grant.accessToken);
      return this.#tokens(grant.username, grant.scope, client.clientId, true);
    }
    const deviceCode = form.get("device_code")!;
    const device = this.#devices.get(deviceCode);
    if (!device || device.clientId !== client.clientId)
      return refuse(400, "invalid_grant", "unknown device code");
    const now = Date.now();
    const tooSoon = device.lastPoll !== undefined && now - device.lastPoll < this.deviceInterval * 1000 - 250;
    device.lastPoll = now;
    if (device.expiresAt <= this.#clock) {
      this.#devices.delete(deviceCode);
      return refuse(400, "expired_token", "the device code expired");
    }
    if (device.decision === "denied") {
      this.#devices.delete(deviceCode);
      return refuse(400, "access_denied", "the user refused");
    }
    if (tooSoon) return refuse(400, "slow_down", "poll less often");
    if (device.decision === undefined)
      return refuse(400, "authorization_pending", "the user has not answered yet");
    this.#devices.delete(deviceCode);
    return this.#tokens(device.decision.approved, device.scope, client.clientId, true);
  }

  #tokens(
    username: string | undefined,
    scope: string,
    clientId: string,
    withRefresh: boolean,
  ): { status: number; body: unknown } {
    const accessToken = this.#secret("mat");
    this.#issued.set(accessToken, {
      username,
      scope,
      deviceId: undefined,
      clientId,
      expiresAt: this.#clock + this.accessTokenLifetime * 1000,
    });
    const refreshToken = withRefresh ? this.#secret("mar") : undefined;
    if (refreshToken) this.#refreshTokens.set(refreshToken, { username, scope, clientId, accessToken });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: this.accessTokenLifetime,
        scope,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
      },
    };
  }

  // --- Serving ----------------------------------------------------------------------------

  /** A transport that answers from the stand-in, for in-process tests. */
  transport(): Transport {
    return {
      send: async (request: HttpRequest): Promise<HttpResponse> => {
        const answer = this.handle(request.method, request.url, request.headers, request.body);
        await this.settle();
        return {
          status: answer.status,
          headers: { "content-type": "application/json" },
          body: answer.body === undefined ? "" : JSON.stringify(answer.body),
        };
      },
    };
  }

  /** Serves the stand-in over HTTP on 127.0.0.1; answers its base URL. */
  async listen(): Promise<string> {
    this.#server = createServer((request, response) => {
      let text = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (text += chunk));
      request.on("end", () => {
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === "string") headers[name] = value;
        const answer = this.handle(request.method ?? "GET", url, headers, text === "" ? undefined : text);
        // MAS answers after the homeserver has taken the change, so a caller sees both in step.
        void this.settle().finally(() => {
          response.writeHead(answer.status, { "content-type": "application/json" });
          response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
        });
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    this.#base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#base;
  }

  /** Where {@link listen} serves. */
  get baseUrl(): string {
    return this.#base;
  }

  /** Stops serving. */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers one request: checked, carried out, and the answer checked. */
  handle(
    method: string,
    url: URL,
    headers: Readonly<Record<string, string>>,
    text: string | undefined,
  ): { status: number; body: unknown } {
    // Not part of the admin API (nor its description): the OAuth 2.0 side a homeserver uses.
    if (method === "GET" && url.pathname === "/.well-known/openid-configuration")
      return { status: 200, body: this.#metadata(this.#base) };
    if (method === "POST" && url.pathname === "/oauth2/introspect") {
      const [status, body] = this.#introspect(headers, text);
      return { status, body };
    }
    const grant = this.#oauthHandle(method, url.pathname, headers, text);
    if (grant) return grant;
    if (method === "POST" && url.pathname === "/_matrix/client/v3/login") return this.#compatLogin(text);
    const matched = this.#checker.match(method, url.pathname);
    let requestBody: unknown;
    const record = (status: number, body: unknown): { status: number; body: unknown } => {
      this.requests.push({
        method,
        path: url.pathname + url.search,
        operationId: matched?.operation.operationId,
        requestBody,
        status,
        body,
      });
      return { status, body };
    };
    if (!matched) {
      this.violations.push(`${method} ${url.pathname}: no such operation`);
      return record(404, { errors: [{ title: "Not found" }] });
    }
    const name = matched.operation.operationId;
    // Authentication failures are not in the description; MAS answers them before any operation.
    if (headers["authorization"] !== `Bearer ${this.token}` && !this.#grantsAdmin(headers["authorization"]))
      return record(401, { errors: [{ title: "Missing or invalid access token" }] });
    let body: unknown;
    if (text !== undefined) {
      try {
        body = JSON.parse(text);
        requestBody = body;
      } catch {
        this.violations.push(`${name}: the body is not JSON`);
        return record(400, { errors: [{ title: "Invalid JSON body" }] });
      }
    }
    const problems = this.#checker.checkRequest(matched, url.searchParams, body);
    if (problems.length > 0) {
      this.violations.push(...problems.map((problem) => `${name} request: ${problem}`));
      return record(400, { errors: problems.map((title) => ({ title })) });
    }
    let status: number;
    let answer: unknown;
    try {
      [status, answer] = this.#operate(matched, url.searchParams, body as Attributes | undefined);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      [status, answer] = [error.status, { errors: [{ title: error.message }] }];
    }
    for (const problem of this.#checker.checkResponse(matched, status, answer))
      this.violations.push(`${name} response: ${problem}`);
    return record(status, answer);
  }

  // --- MAS's compatibility layer: Matrix password logins ------------------------------------

  /** Passwords set through `setUserPassword`, by MAS user ID, for {@link #compatLogin}. */
  readonly #passwords = new Map<string, string>();
  /** The password logins answered (`POST /_matrix/client/v3/login`), by user name. */
  readonly compatLogins: { user: string; status: number }[] = [];

  /**
   * `POST /_matrix/client/v3/login` with `m.login.password`, as MAS serves it
   * for Matrix clients: a compatibility session and its device (made in the
   * homeserver before answering), and an access token for it.
   */
  #compatLogin(text: string | undefined): { status: number; body: unknown } {
    let request:
      | { type?: string; identifier?: { type?: string; user?: string }; password?: string }
      | undefined;
    const refuse = (status: number, errcode: string, error: string) => {
      this.compatLogins.push({ user: String(request?.identifier?.user), status });
      return { status, body: { errcode, error } };
    };
    try {
      request = JSON.parse(text ?? "");
    } catch {
      return refuse(400, "M_NOT_JSON", "Invalid JSON");
    }
    if (request?.type !== "m.login.password" || request.identifier?.type !== "m.id.user")
      return refuse(400, "M_UNKNOWN", "Unsupported login type");
    const user = String(request.identifier.user ?? "");
    const localpart = user.startsWith("@") ? user.slice(1, user.indexOf(":")) : user;
    const row = this.#find("users", (a) => a["username"] === localpart);
    if (!row || this.#passwords.get(row.id) !== request.password || row.attributes["deactivated_at"])
      return refuse(403, "M_FORBIDDEN", "Invalid username/password");
    if (row.attributes["locked_at"]) return refuse(401, "M_USER_LOCKED", "User account has been locked");
    const deviceId = `COMPAT${this.#secret("device").slice(-6)}`;
    this.#tell("upsert_device", { localpart, device_id: deviceId });
    const compatSession = this.seed("compat-sessions", {
      user_id: row.id,
      device_id: deviceId,
      finished_at: null,
    });
    const token = this.#secret("mct");
    this.#issued.set(token, {
      username: localpart,
      scope: `urn:matrix:client:api:* urn:matrix:client:device:${deviceId}`,
      deviceId,
      compatSession,
    });
    this.compatLogins.push({ user, status: 200 });
    return {
      status: 200,
      body: { access_token: token, device_id: deviceId, user_id: `@${localpart}:${this.serverName}` },
    };
  }

  // --- The operations ---------------------------------------------------------------------

  #operate(matched: Matched, query: URLSearchParams, body: Attributes | undefined): [number, unknown] {
    const id = matched.pathParams["id"] ?? "";
    const b = body ?? {};
    switch (matched.operation.operationId) {
      case "version":
        return [200, { version: "1.20.0-stand-in" }];
      case "siteConfig":
        return [200, this.#siteConfig()];
      case "listUsers":
        return this.#list("users", query, {
          "filter[admin]": (a, v) => a["admin"] === (v === "true"),
          "filter[legacy-guest]": (a, v) => a["legacy_guest"] === (v === "true"),
          "filter[search]": (a, v) => String(a["username"]).includes(v),
          "filter[status]": (a, v) => userStatus(a) === v,
        });
      case "createUser": {
        const username = String(b["username"]);
        if (this.#find("users", (a) => a["username"] === username))
          throw new Refusal(409, `User "${username}" already exists`);
        this.#tell("provision_user", { localpart: username });
        return [201, this.#single("users", this.seed("users", userAttributes(username)))];
      }
      case "getUserByUsername": {
        const username = matched.pathParams["username"];
        const row = this.#find("users", (a) => a["username"] === username);
        if (!row) throw new Refusal(404, `User "${username}" not found`);
        return [200, this.#single("users", row.id)];
      }
      case "getUser":
        return [200, this.#single("users", this.#get("users", id).id)];
      case "deactivateUser":
        this.#tell("delete_user", { localpart: this.#username(id), erase: b["skip_erase"] !== true });
        return this.#update("users", id, { deactivated_at: this.#now() });
      case "reactivateUser":
        this.#tell("reactivate_user", { localpart: this.#username(id) });
        return this.#update("users", id, { deactivated_at: null });
      case "lockUser":
        this.#tell("provision_user", { localpart: this.#username(id), locked: true });
        return this.#update("users", id, { locked_at: this.#now() });
      case "unlockUser":
        this.#tell("provision_user", { localpart: this.#username(id), locked: false });
        return this.#update("users", id, { locked_at: null });
      case "userSetAdmin":
        return this.#update("users", id, { admin: b["admin"] });
      case "setUserPassword":
        this.#get("users", id).attributes["password_set_at"] = this.#now();
        this.#passwords.set(id, String(b["password"]));
        return [204, undefined];

      case "listUserEmails":
        return this.#list("user-emails", query, {
          "filter[user]": (a, v) => a["user_id"] === v,
          "filter[email]": (a, v) => a["email"] === v,
        });
      case "addUserEmail": {
        this.#get("users", String(b["user_id"]));
        if (this.#find("user-emails", (a) => a["email"] === b["email"]))
          throw new Refusal(409, `Email "${String(b["email"])}" already in use`);
        const emailId = this.seed("user-emails", { user_id: b["user_id"], email: b["email"] });
        this.#tellEmails(String(b["user_id"]));
        return [201, this.#single("user-emails", emailId)];
      }
      case "getUserEmail":
        return [200, this.#single("user-emails", this.#get("user-emails", id).id)];
      case "deleteUserEmail": {
        const owner = String(this.#get("user-emails", id).attributes["user_id"]);
        const answer = this.#delete("user-emails", id);
        this.#tellEmails(owner);
        return answer;
      }

      case "listUserSessions":
        return this.#list("user-sessions", query, {
          "filter[user]": (a, v) => a["user_id"] === v,
          "filter[status]": (a, v) => (a["finished_at"] ? "finished" : "active") === v,
        });
      case "getUserSession":
        return [200, this.#single("user-sessions", this.#get("user-sessions", id).id)];
      case "finishUserSession":
        return this.#finish("user-sessions", id);
      case "listCompatSessions":
        return this.#list("compat-sessions", query, {
          "filter[user]": (a, v) => a["user_id"] === v,
          "filter[status]": (a, v) => (a["finished_at"] ? "finished" : "active") === v,
        });
      case "getCompatSession":
        return [200, this.#single("compat-sessions", this.#get("compat-sessions", id).id)];
      case "finishCompatSession": {
        const answer = this.#finish("compat-sessions", id);
        const device = this.#get("compat-sessions", id).attributes["device_id"];
        if (typeof device === "string") this.#tellDeviceGone(id, "compat-sessions", device);
        return answer;
      }
      case "listOAuth2Sessions":
        return this.#list("oauth2-sessions", query, {
          "filter[user]": (a, v) => a["user_id"] === v,
          "filter[client]": (a, v) => a["client_id"] === v,
          "filter[status]": (a, v) => (a["finished_at"] ? "finished" : "active") === v,
        });
      case "getOAuth2Session":
        return [200, this.#single("oauth2-sessions", this.#get("oauth2-sessions", id).id)];
      case "finishOAuth2Session": {
        const answer = this.#finish("oauth2-sessions", id);
        const scope = String(this.#get("oauth2-sessions", id).attributes["scope"] ?? "");
        for (const token of scope.split(" "))
          if (token.startsWith("urn:matrix:client:device:"))
            this.#tellDeviceGone(id, "oauth2-sessions", token.slice("urn:matrix:client:device:".length));
        return answer;
      }
      case "listOAuth2Clients":
        return this.#list("oauth2-clients", query, {
          "filter[client-name]": (a, v) => a["client_name"] === v,
        });
      case "getOAuth2Client":
        return [200, this.#single("oauth2-clients", this.#get("oauth2-clients", id).id)];

      case "listPersonalSessions":
        return this.#list(
          "personal-sessions",
          query,
          {
            "filter[actor_user]": (a, v) => a["actor_user_id"] === v,
            "filter[owner_user]": (a, v) => a["owner_user_id"] === v,
            "filter[status]": (a, v) => (a["revoked_at"] ? "revoked" : "active") === v,
          },
          (a) => ({ ...a, access_token: null }),
        );
      case "createPersonalSession": {
        this.#get("users", String(b["actor_user_id"]));
        const expiresIn = b["expires_in"];
        const sessionId = this.seed("personal-sessions", {
          actor_user_id: b["actor_user_id"],
          human_name: b["human_name"],
          scope: b["scope"],
          owner_user_id: null,
          owner_client_id: null,
          expires_at:
            typeof expiresIn === "number" ? new Date(this.#clock + expiresIn * 1000).toISOString() : null,
          revoked_at: null,
          last_active_at: null,
          last_active_ip: null,
        });
        return [
          201,
          this.#single("personal-sessions", sessionId, { access_token: this.#personalToken(sessionId) }),
        ];
      }
      case "getPersonalSession":
        return [
          200,
          this.#single("personal-sessions", this.#get("personal-sessions", id).id, { access_token: null }),
        ];
      case "regeneratePersonalSession": {
        this.#get("personal-sessions", id);
        return [201, this.#single("personal-sessions", id, { access_token: this.#personalToken(id) })];
      }
      case "revokePersonalSession": {
        const row = this.#get("personal-sessions", id);
        if (row.attributes["revoked_at"]) throw new Refusal(409, "Personal session already revoked");
        row.attributes["revoked_at"] = this.#now();
        return [200, this.#single("personal-sessions", id, { access_token: null })];
      }

      case "listUserRegistrationTokens":
        return this.#list("user-registration-tokens", query, {
          "filter[used]": (a, v) => Number(a["times_used"]) > 0 === (v === "true"),
          "filter[revoked]": (a, v) => Boolean(a["revoked_at"]) === (v === "true"),
          "filter[expired]": (a, v) => this.#expired(a) === (v === "true"),
          "filter[valid]": (a, v) => this.#valid(a) === (v === "true"),
        });
      case "addUserRegistrationToken": {
        const token = typeof b["token"] === "string" ? b["token"] : this.#secret("reg");
        const tokenId = this.seed("user-registration-tokens", {
          token,
          usage_limit: b["usage_limit"] ?? null,
          expires_at: b["expires_at"] ?? null,
          times_used: 0,
          last_used_at: null,
          revoked_at: null,
        });
        return [201, this.#single("user-registration-tokens", tokenId)];
      }
      case "getUserRegistrationToken":
        return [200, this.#single("user-registration-tokens", this.#get("user-registration-tokens", id).id)];
      case "updateUserRegistrationToken": {
        const row = this.#get("user-registration-tokens", id);
        for (const field of ["usage_limit", "expires_at"]) if (field in b) row.attributes[field] = b[field];
        return [200, this.#single("user-registration-tokens", id)];
      }
      case "revokeUserRegistrationToken":
      case "unrevokeUserRegistrationToken": {
        const row = this.#get("user-registration-tokens", id);
        const revoke = matched.operation.operationId === "revokeUserRegistrationToken";
        if (Boolean(row.attributes["revoked_at"]) === revoke)
          throw new Refusal(400, revoke ? "Token already revoked" : "Token is not revoked");
        row.attributes["revoked_at"] = revoke ? this.#now() : null;
        return [200, this.#single("user-registration-tokens", id)];
      }

      case "listUpstreamOAuthLinks":
        return this.#list("upstream-oauth-links", query, {
          "filter[user]": (a, v) => a["user_id"] === v,
          "filter[provider]": (a, v) => a["provider_id"] === v,
          "filter[subject]": (a, v) => a["subject"] === v,
        });
      case "addUpstreamOAuthLink": {
        this.#get("users", String(b["user_id"]));
        this.#get("upstream-oauth-providers", String(b["provider_id"]));
        const existing = this.#find(
          "upstream-oauth-links",
          (a) => a["provider_id"] === b["provider_id"] && a["subject"] === b["subject"],
        );
        if (existing && existing.attributes["user_id"] !== b["user_id"])
          throw new Refusal(409, "The subject is linked to another user");
        if (existing) return [200, this.#single("upstream-oauth-links", existing.id)];
        const linkId = this.seed("upstream-oauth-links", {
          user_id: b["user_id"],
          provider_id: b["provider_id"],
          subject: b["subject"],
          human_account_name: b["human_account_name"] ?? null,
        });
        return [201, this.#single("upstream-oauth-links", linkId)];
      }
      case "getUpstreamOAuthLink":
        return [200, this.#single("upstream-oauth-links", this.#get("upstream-oauth-links", id).id)];
      case "deleteUpstreamOAuthLink":
        return this.#delete("upstream-oauth-links", id);
      case "listUpstreamOAuthProviders":
        return this.#list("upstream-oauth-providers", query, {
          "filter[enabled]": (a, v) => !a["disabled_at"] === (v === "true"),
        });
      case "getUpstreamOAuthProvider":
        return [200, this.#single("upstream-oauth-providers", this.#get("upstream-oauth-providers", id).id)];

      case "setPolicyData":
        return [201, this.#single("policy-data", this.seed("policy-data", { data: b["data"] }))];
      case "getLatestPolicyData": {
        const latest = this.records("policy-data").at(-1);
        if (!latest) throw new Refusal(404, "No policy data");
        return [200, this.#single("policy-data", latest.id)];
      }
      case "getPolicyData":
        return [200, this.#single("policy-data", this.#get("policy-data", id).id)];
      default:
        throw new Error(`the stand-in does not implement ${matched.operation.operationId}`);
    }
  }

  #username(userId: string): string {
    return String(this.#get("users", userId).attributes["username"]);
  }

  /** A session with a device has ended: MAS deletes the device in the homeserver. */
  #tellDeviceGone(sessionId: string, collection: Collection, deviceId: string): void {
    const owner = this.#rows
      .get("users")!
      .get(String(this.#get(collection, sessionId).attributes["user_id"]));
    if (owner) this.#tell("delete_device", { localpart: owner.attributes["username"], device_id: deviceId });
  }

  /** Synapse holds a user's emails as MAS lists them: the whole set is sent on each change. */
  #tellEmails(userId: string): void {
    const emails = this.records("user-emails")
      .filter((row) => row.attributes["user_id"] === userId)
      .map((row) => String(row.attributes["email"]));
    this.#tell("provision_user", {
      localpart: this.#username(userId),
      ...(emails.length > 0 ? { set_emails: emails } : { unset_emails: true }),
    });
  }

  #list(
    collection: Collection,
    query: URLSearchParams,
    filters: Record<string, (attributes: Attributes, value: string) => boolean>,
    shown: (attributes: Attributes) => Attributes = (attributes) => attributes,
  ): [number, unknown] {
    for (const key of query.keys())
      if (key.startsWith("filter[") && !filters[key])
        throw new Refusal(400, `the stand-in does not implement ${key}`);
    if (query.has("page[last]") || query.has("page[before]"))
      throw new Refusal(400, "the stand-in does not implement backward paging");
    let rows = this.records(collection).filter((row) =>
      [...query.entries()].every(([key, value]) => !filters[key] || filters[key](row.attributes, value)),
    );
    const count = rows.length;
    const after = query.get("page[after]");
    if (after) rows = rows.filter((row) => row.id > after);
    const first = Number(query.get("page[first]") ?? 10);
    const page = rows.slice(0, first);
    const countMode = query.get("count") ?? "true";
    const self = `${PREFIX}/${collection}`;
    const pageLink = (cursor?: string): string =>
      `${self}?${cursor ? `page[after]=${cursor}&` : ""}page[first]=${first}`;
    const links: Record<string, string> = { self: `${self}?${query.toString()}`, first: pageLink() };
    if (rows.length > first) links["next"] = pageLink(page.at(-1)!.id);
    return [
      200,
      {
        ...(countMode === "false" ? {} : { meta: { count } }),
        ...(countMode === "only"
          ? {}
          : {
              data: page.map((row) => ({
                ...this.#object(collection, row, shown(row.attributes)),
                meta: { page: { cursor: row.id } },
              })),
            }),
        links,
      },
    ];
  }

  #object(collection: Collection, row: Row, attributes: Attributes): Record<string, unknown> {
    const { password_set_at: _, ...visible } = attributes;
    // Validity changes with time and use: computed when shown, as MAS does.
    if (collection === "user-registration-tokens") visible["valid"] = this.#valid(attributes);
    return {
      type: TYPES[collection],
      id: row.id,
      attributes: visible,
      links: { self: `${PREFIX}/${collection}/${row.id}` },
    };
  }

  #single(collection: Collection, id: string, override: Attributes = {}): unknown {
    const row = this.#get(collection, id);
    return {
      data: this.#object(collection, row, { ...row.attributes, ...override }),
      links: { self: `${PREFIX}/${collection}/${id}` },
    };
  }

  #get(collection: Collection, id: string): Row {
    const row = this.#rows.get(collection)!.get(id);
    if (!row) throw new Refusal(404, `${TYPES[collection]} ${id} not found`);
    return row;
  }

  #find(collection: Collection, test: (attributes: Attributes) => boolean): Row | undefined {
    return this.records(collection).find((row) => test(row.attributes));
  }

  #update(collection: Collection, id: string, change: Attributes): [number, unknown] {
    Object.assign(this.#get(collection, id).attributes, change);
    return [200, this.#single(collection, id)];
  }

  #finish(collection: Collection, id: string): [number, unknown] {
    const row = this.#get(collection, id);
    if (row.attributes["finished_at"]) throw new Refusal(400, "Session already finished");
    return this.#update(collection, id, { finished_at: this.#now() });
  }

  #delete(collection: Collection, id: string): [number, unknown] {
    this.#get(collection, id);
    this.#rows.get(collection)!.delete(id);
    return [204, undefined];
  }

  #expired(attributes: Attributes): boolean {
    const at = attributes["expires_at"];
    return typeof at === "string" && Date.parse(at) <= this.#clock;
  }

  #valid(attributes: Attributes): boolean {
    const limit = attributes["usage_limit"];
    const used = typeof limit === "number" && Number(attributes["times_used"]) >= limit;
    return !attributes["revoked_at"] && !this.#expired(attributes) && !used;
  }

  #siteConfig(): Attributes {
    return {
      server_name: this.serverName,
      password_login_enabled: true,
      password_registration_enabled: false,
      password_registration_email_required: true,
      password_registration_token_required: false,
      registration_token_required: false,
      email_change_allowed: true,
      displayname_change_allowed: true,
      password_change_allowed: true,
      account_recovery_allowed: false,
      account_deactivation_allowed: true,
      captcha_enabled: false,
      minimum_password_complexity: 3,
    };
  }

  /** Each record a new time, a second apart, so that orders and expiries are deterministic. */
  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString().replace(/\.\d+Z$/, "Z");
  }

  /** A ULID: 48 bits of time, then 80 bits that here count up, so that IDs sort as they were made. */
  #ulid(): string {
    this.#sequence += 1;
    let time = this.#clock;
    let out = "";
    for (let i = 0; i < 10; i++) {
      out = CROCKFORD[time % 32] + out;
      time = Math.floor(time / 32);
    }
    let random = this.#sequence;
    let tail = "";
    for (let i = 0; i < 16; i++) {
      tail = CROCKFORD[random % 32] + tail;
      random = Math.floor(random / 32);
    }
    return out + tail;
  }

  #secret(prefix: string): string {
    this.#sequence += 1;
    return `${prefix}_standin${String(this.#sequence).padStart(6, "0")}`;
  }
}

function userAttributes(username: string): Attributes {
  return { username, admin: false, legacy_guest: false, locked_at: null, deactivated_at: null };
}

function userStatus(attributes: Attributes): string {
  if (attributes["deactivated_at"]) return "deactivated";
  return attributes["locked_at"] ? "locked" : "active";
}
