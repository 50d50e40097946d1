import { array, exactOptional, type GenericSchema, number, object, string } from "valibot";
import { defaultTransport, defaultUserAgent } from "./default-transport.ts";
import {
  AbortError,
  AccessDeniedError,
  ConnectionError,
  DeviceCodeExpiredError,
  InvalidInputError,
  InvalidResponseError,
  OAuthError,
  type RequestDescription,
  TimeoutError,
} from "./errors.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { sleep as realSleep } from "./retry.ts";
import { checkResponse, responseSchema } from "./schema.ts";
import { type HttpResponse, type Transport, TransportFailure } from "./transport.ts";

/** The grant type of the device authorization grant (RFC 8628 section 3.4). */
export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** The parts of an authorization server's metadata (RFC 8414) an OAuth 2.0 client uses. */
export interface OAuthMetadata {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly device_authorization_endpoint?: string;
  readonly revocation_endpoint?: string;
  readonly token_endpoint_auth_methods_supported?: string[];
  readonly grant_types_supported?: string[];
}

const metadataSchema = responseSchema<OAuthMetadata>()(
  object({
    issuer: string(),
    token_endpoint: string(),
    device_authorization_endpoint: exactOptional(string()),
    revocation_endpoint: exactOptional(string()),
    token_endpoint_auth_methods_supported: exactOptional(array(string())),
    grant_types_supported: exactOptional(array(string())),
  }),
);

/** A successful token response (RFC 6749 section 5.1), as the server sent it. */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in?: number;
  readonly refresh_token?: string;
  readonly scope?: string;
}

const tokenSchema = responseSchema<TokenResponse>()(
  object({
    access_token: string(),
    token_type: string(),
    expires_in: exactOptional(number()),
    refresh_token: exactOptional(string()),
    scope: exactOptional(string()),
  }),
);

/** A device authorization response (RFC 8628 section 3.2). */
export interface DeviceAuthorizationResponse {
  readonly device_code: string;
  readonly user_code: string;
  readonly verification_uri: string;
  readonly verification_uri_complete?: string;
  readonly expires_in: number;
  readonly interval?: number;
}

const deviceSchema = responseSchema<DeviceAuthorizationResponse>()(
  object({
    device_code: string(),
    user_code: string(),
    verification_uri: string(),
    verification_uri_complete: exactOptional(string()),
    expires_in: number(),
    interval: exactOptional(number()),
  }),
);

/** Tokens a grant gave, with the time they stop working. */
export interface OAuthTokens {
  readonly accessToken: string;
  /** Present when the server issued one: then {@link OAuthClient.refresh} gets new tokens without the person. */
  readonly refreshToken?: string;
  /** When the access token expires (ms since the epoch), if the server said (`expires_in`). */
  readonly expiresAt?: number;
  /** The scope granted: the one asked for when the server did not say. */
  readonly scope: string;
}

/** Options of {@link OAuthClient}. */
export interface OAuthClientOptions {
  /** The authorization server's issuer URL (MAS's public base). */
  readonly issuer: string;
  /** The client's ID, registered at the server. */
  readonly clientId: string;
  /** The client's secret: a confidential client. None: a public client (device login only). */
  readonly clientSecret?: string;
  /** The server's metadata, when known (the homeserver's auth_metadata); else fetched from the issuer. */
  readonly metadata?: OAuthMetadata;
  readonly transport?: Transport;
  /** Time per request (default 30 s). */
  readonly timeoutMs?: number;
  readonly verifyTls?: boolean;
  readonly ca?: string;
  readonly extraCaFile?: string;
  readonly logger?: Logger;
  /** The clock (ms since the epoch); tests set their own. */
  readonly now?: () => number;
  /** How polls wait; tests set their own. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The most bytes of an OAuth answer read: they are small JSON documents. */
const MAX_ANSWER_BYTES = 1 << 20;

/**
 * An OAuth 2.0 client of one authorization server (MAS): the client
 * credentials grant, the device authorization grant (RFC 8628), refreshing
 * and revoking tokens. Neither tokens nor secrets are ever logged; requests
 * are logged by method and endpoint only.
 */
export class OAuthClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly #secret: string | undefined;
  #metadata: Promise<OAuthMetadata> | undefined;
  readonly #transport: Transport;
  readonly #timeoutMs: number;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(options: OAuthClientOptions) {
    this.issuer = options.issuer;
    this.clientId = options.clientId;
    this.#secret = options.clientSecret || undefined;
    if (options.metadata) this.#metadata = Promise.resolve(options.metadata);
    this.#transport =
      options.transport ??
      defaultTransport({
        ...(options.verifyTls === undefined ? {} : { verifyTls: options.verifyTls }),
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        ...(options.extraCaFile === undefined ? {} : { extraCaFile: options.extraCaFile }),
      });
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#logger = options.logger ?? silentLogger;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? realSleep;
  }

  /**
   * The server's metadata: given, or `GET <issuer>/.well-known/openid-configuration`
   * (asked once per client).
   */
  metadata(): Promise<OAuthMetadata> {
    this.#metadata ??= this.#send(
      "GET",
      `${this.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      undefined,
      metadataSchema,
    );
    return this.#metadata;
  }

  /**
   * The client credentials grant (RFC 6749 section 4.4): `POST` to the
   * `token_endpoint` with `grant_type=client_credentials`, the client
   * authenticated with `client_secret_basic` (or `client_secret_post` where the
   * server supports only that). Needs the client's secret.
   */
  async clientCredentials(scope: string): Promise<OAuthTokens> {
    if (!this.#secret) throw new InvalidInputError("the client credentials grant needs the client's secret");
    return this.#token({ grant_type: "client_credentials", scope }, scope);
  }

  /**
   * Starts a device login (RFC 8628 section 3.1): `POST` to the
   * `device_authorization_endpoint` with the client ID and `scope`; the answer
   * holds the code the person enters at `verification_uri`.
   */
  async startDeviceAuthorization(scope: string): Promise<DeviceAuthorizationResponse> {
    const metadata = await this.metadata();
    const endpoint = metadata.device_authorization_endpoint;
    if (!endpoint)
      throw new InvalidInputError(
        `${this.issuer} names no device_authorization_endpoint: it does not offer device login`,
      );
    return this.#send("POST", endpoint, await this.#authenticated({ scope }), deviceSchema);
  }

  /**
   * Waits for the person to approve a device login (RFC 8628 section 3.4-3.5):
   * polls the `token_endpoint` with `grant_type=urn:ietf:params:oauth:grant-type:device_code`
   * every `interval` seconds (default 5; 5 more after each `slow_down`),
   * while the answer is `authorization_pending`, for at most `expires_in`
   * seconds. Throws {@link AccessDeniedError} when the person refuses and
   * {@link DeviceCodeExpiredError} when the code expires.
   */
  async pollDeviceAuthorization(
    device: DeviceAuthorizationResponse,
    scope: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<OAuthTokens> {
    const deadline = this.#now() + device.expires_in * 1000;
    let intervalMs = Math.max(1, device.interval ?? 5) * 1000;
    for (;;) {
      if (this.#now() + intervalMs > deadline) break;
      await this.#sleep(intervalMs, options.signal);
      if (options.signal?.aborted) throw new AbortError("device login");
      try {
        return await this.#token({ grant_type: DEVICE_CODE_GRANT, device_code: device.device_code }, scope);
      } catch (error) {
        if (!(error instanceof OAuthError) || error instanceof AccessDeniedError) throw error;
        if (error.error === "authorization_pending") continue;
        if (error.error === "slow_down") {
          intervalMs += 5000;
          continue;
        }
        throw error;
      }
    }
    const { path } = describeEndpoint("POST", (await this.metadata()).token_endpoint);
    throw new DeviceCodeExpiredError(
      { method: "POST", path },
      undefined,
      "expired_token",
      `not approved within ${device.expires_in} s`,
    );
  }

  /**
   * The refresh token grant (RFC 6749 section 6): `POST` to the
   * `token_endpoint` with `grant_type=refresh_token`. A server that rotates
   * refresh tokens returns a new one; else the old one is kept.
   */
  async refresh(refreshToken: string, scope: string): Promise<OAuthTokens> {
    const tokens = await this.#token({ grant_type: "refresh_token", refresh_token: refreshToken }, scope);
    return tokens.refreshToken ? tokens : { ...tokens, refreshToken };
  }

  /**
   * Revokes a token (RFC 7009): `POST` to the `revocation_endpoint`. Returns
   * false, asking nothing, when the server's metadata names none.
   */
  async revoke(token: string, hint: "access_token" | "refresh_token"): Promise<boolean> {
    const endpoint = (await this.metadata()).revocation_endpoint;
    if (!endpoint) return false;
    await this.#send("POST", endpoint, await this.#authenticated({ token, token_type_hint: hint }));
    return true;
  }

  async #token(params: Record<string, string>, scope: string): Promise<OAuthTokens> {
    const endpoint = (await this.metadata()).token_endpoint;
    const sentAt = this.#now();
    const answer = await this.#send("POST", endpoint, await this.#authenticated(params), tokenSchema);
    if (answer.token_type.toLowerCase() !== "bearer")
      throw new InvalidResponseError(
        describeEndpoint("POST", endpoint),
        200,
        `token_type ${answer.token_type}, expected Bearer`,
      );
    return {
      accessToken: answer.access_token,
      ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
      ...(answer.expires_in === undefined ? {} : { expiresAt: sentAt + answer.expires_in * 1000 }),
      scope: answer.scope ?? scope,
    };
  }

  /** The form with the client's authentication: in the header (basic), or in the form itself. */
  async #authenticated(params: Record<string, string>): Promise<Form> {
    const form: Form = { params: { ...params }, headers: {} };
    if (!this.#secret) {
      form.params["client_id"] = this.clientId;
      return form;
    }
    const methods = (await this.metadata()).token_endpoint_auth_methods_supported;
    if (methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")) {
      form.params["client_id"] = this.clientId;
      form.params["client_secret"] = this.#secret;
    } else {
      // RFC 6749 section 2.3.1: each part form-encoded before the Base64.
      const pair = `${formEncode(this.clientId)}:${formEncode(this.#secret)}`;
      form.headers["authorization"] = `Basic ${btoa(pair)}`;
    }
    return form;
  }

  async #send<T>(
    method: "GET" | "POST",
    url: string,
    form: Form | undefined,
    schema?: GenericSchema<unknown, T>,
  ): Promise<T> {
    const description = describeEndpoint(method, url);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new InvalidInputError(`invalid OAuth 2.0 endpoint URL "${url}"`);
    }
    this.#logger.debug(`${method} ${target.origin}${description.path}`);
    const agent = defaultUserAgent();
    const headers: Record<string, string> = {
      accept: "application/json",
      ...(agent ? { "user-agent": agent } : {}),
      ...form?.headers,
    };
    let body: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form.params).toString();
    }
    let response: HttpResponse;
    try {
      response = await this.#transport.send({
        method,
        url: target,
        headers,
        ...(body === undefined ? {} : { body }),
        timeoutMs: this.#timeoutMs,
        maxResponseBytes: MAX_ANSWER_BYTES,
      });
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
      if (error.kind === "timeout") throw new TimeoutError(description, this.#timeoutMs);
      if (error.kind === "abort") throw new AbortError();
      if (error.kind === "too-large")
        throw new InvalidResponseError(description, error.status ?? 200, "the answer is too large");
      throw new ConnectionError(description, target.origin, error.cause ?? error, error.mayHaveArrived);
    }
    this.#logger.debug(`  -> HTTP ${response.status}`);
    let decoded: unknown;
    try {
      decoded = response.body.trim() === "" ? undefined : JSON.parse(response.body);
    } catch {
      decoded = undefined;
    }
    if (response.status < 200 || response.status >= 300) {
      const { error, error_description } = (decoded ?? {}) as Record<string, unknown>;
      const code = typeof error === "string" ? error : undefined;
      const text = typeof error_description === "string" ? error_description : undefined;
      const Class =
        code === "access_denied"
          ? AccessDeniedError
          : code === "expired_token"
            ? DeviceCodeExpiredError
            : OAuthError;
      throw new Class(description, response.status, code, text);
    }
    if (!schema) return undefined as T;
    if (decoded === undefined)
      throw new InvalidResponseError(description, response.status, "the answer is not JSON");
    return checkResponse(schema, decoded, description, response.status);
  }
}

interface Form {
  params: Record<string, string>;
  headers: Record<string, string>;
}

function describeEndpoint(method: string, url: string): RequestDescription {
  try {
    return { method, path: new URL(url).pathname };
  } catch {
    return { method, path: url };
  }
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}
