// Tokens synadm gets itself through OAuth 2.0 at MAS, kept in the token cache:
// client credentials for MAS's admin API, a person's device login for both APIs.
import type { AuthDelegation } from "../../api/auth-delegation.ts";
import type { Logger } from "../../api/logger.ts";
import type { OAuthClient, OAuthMetadata, OAuthTokens } from "../../api/oauth.ts";
import { CliError, ExitCode } from "./errors.ts";
import type { CliIo } from "./io.ts";
import type { GlobalOptions } from "./options/global.ts";
import { escapeTerminalText } from "./output/terminal-text.ts";
import {
  type CachedGrant,
  type CachedTokens,
  normalIssuer,
  OAuthTokenCache,
} from "./settings/oauth-token-cache.ts";
import type { Settings } from "./settings/settings.ts";

/** A cached access token is used until this long before it expires, then renewed. */
export const RENEW_BEFORE_MS = 60_000;

/** What `synadm mas login` asks for by default: MAS's admin API, Synapse's Admin API and the client API. */
export const LOGIN_SCOPES = "urn:mas:admin urn:synapse:admin:* urn:matrix:client:api:*";

/** Where a token in use came from, for `synadm doctor`. */
export interface TokenOrigin {
  readonly grant: CachedGrant;
  readonly expiresAt: number | undefined;
  readonly refreshable: boolean;
  readonly cachePath: string;
}

export interface OAuthHost {
  readonly io: CliIo;
  readonly globals: GlobalOptions;
  readonly log: Logger;
  authDelegation(): Promise<AuthDelegation>;
}

/** synadm's OAuth 2.0 side for one run: which issuer and client, the cache, the grants. */
export class OAuthLogin {
  readonly cache: OAuthTokenCache;
  readonly #host: OAuthHost;
  readonly #settings: Settings;
  #issuer: Promise<{ issuer: string; metadata: OAuthMetadata | undefined }> | undefined;
  /** Where the last token handed out came from. */
  origin: TokenOrigin | undefined;

  constructor(host: OAuthHost, settings: Settings) {
    this.#host = host;
    this.#settings = settings;
    this.cache = new OAuthTokenCache(host.io.env, host.io.homedir, (message) => host.log.warn(message));
  }

  get clientId(): string {
    return this.#settings.mas_client_id;
  }

  /** `mas_issuer`, else the issuer the homeserver names (with its metadata), else `mas_url`. */
  issuer(): Promise<{ issuer: string; metadata: OAuthMetadata | undefined }> {
    this.#issuer ??= (async () => {
      if (this.#settings.mas_issuer) return { issuer: this.#settings.mas_issuer, metadata: undefined };
      // An unreachable homeserver is said as such, unless mas_url names the issuer anyway.
      const delegation = await this.#host.authDelegation().catch((error: unknown) => {
        if (this.#settings.mas_url) return { delegated: false } as const;
        throw error;
      });
      if (delegation.delegated) {
        const metadata = delegation.metadata as Partial<OAuthMetadata>;
        const usable = typeof metadata.token_endpoint === "string" && typeof metadata.issuer === "string";
        return { issuer: delegation.issuer, metadata: usable ? (metadata as OAuthMetadata) : undefined };
      }
      if (this.#settings.mas_url) return { issuer: this.#settings.mas_url, metadata: undefined };
      throw new CliError(
        "no OAuth 2.0 issuer: the server does not delegate auth; set mas_issuer (or mas_url)",
        ExitCode.usage,
      );
    })();
    return this.#issuer;
  }

  /** A client of the issuer; with the secret when `withSecret` and one is configured. */
  async client(withSecret: boolean): Promise<OAuthClient> {
    if (!this.clientId)
      throw new CliError(
        "no OAuth 2.0 client: set mas_client_id (or SYNADM_MAS_CLIENT_ID) to the ID of synadm's client at MAS",
        ExitCode.usage,
      );
    const { issuer, metadata } = await this.issuer();
    const secret = withSecret ? await this.#secret() : "";
    const { OAuthClient } = await import("../../api/oauth.ts");
    const { readCaFile } = await import("./settings/client.ts");
    const ca = this.#settings.ca_file ? await readCaFile(this.#settings.ca_file) : undefined;
    return new OAuthClient({
      issuer,
      clientId: this.clientId,
      ...(secret ? { clientSecret: secret } : {}),
      ...(metadata ? { metadata } : {}),
      ...(ca === undefined ? {} : { ca }),
      timeoutMs: (this.#host.globals.timeout ?? this.#settings.timeout) * 1000,
      verifyTls: this.#settings.ssl_verify,
      logger: this.#host.log,
      ...(this.#host.io.extraCaCertsFile ? { extraCaFile: this.#host.io.extraCaCertsFile } : {}),
      ...(this.#host.io.transport ? { transport: this.#host.io.transport } : {}),
    });
  }

  /** Whether a secret is configured, so that the client credentials grant can be used. */
  get hasSecret(): boolean {
    return Boolean(
      this.clientId && (this.#settings.mas_client_secret || this.#settings.mas_client_secret_command),
    );
  }

  async #secret(): Promise<string> {
    if (this.#settings.mas_client_secret) return this.#settings.mas_client_secret;
    if (!this.#settings.mas_client_secret_command) return "";
    const { tokenFromCommand } = await import("./settings/client.ts");
    return tokenFromCommand(this.#settings.mas_client_secret_command, "mas_client_secret_command");
  }

  /** Tokens of the client credentials grant (scope `mas_scopes`): cached, refreshed, or asked for now. */
  async clientCredentialsTokens(): Promise<CachedTokens> {
    const { issuer } = await this.issuer();
    const scope = this.#settings.mas_scopes;
    const cached = await this.cache.get(issuer, this.clientId, "client_credentials", scope);
    const usable = cached && (await this.#renewed(cached, true));
    if (usable) return usable;
    const client = await this.client(true);
    return this.#store(issuer, "client_credentials", scope, await client.clientCredentials(scope));
  }

  /**
   * The access token for each request of a run, starting from `tokens`:
   * renewed (refreshed, or fetched again for client credentials) once it is
   * within a minute of expiring, so that a run longer than a token's life
   * goes on. Requests asking at once share one renewal.
   */
  provider(tokens: CachedTokens): () => Promise<string> {
    let current = tokens;
    let renewing: Promise<CachedTokens> | undefined;
    return async () => {
      if (fresh(current)) return current.accessToken;
      renewing ??= this.#renewNow(current).finally(() => {
        renewing = undefined;
      });
      current = await renewing;
      return current.accessToken;
    };
  }

  async #renewNow(tokens: CachedTokens): Promise<CachedTokens> {
    const renewed = await this.#renewed(tokens, tokens.grant === "client_credentials" || this.hasSecret);
    if (renewed) return renewed;
    if (tokens.grant === "client_credentials" && this.hasSecret) return this.clientCredentialsTokens();
    throw new CliError(
      'the device login has expired and cannot be refreshed; log in again with "synadm mas login"',
      ExitCode.usage,
    );
  }

  /**
   * The access token of the newest device login at this issuer (and client,
   * if configured), renewed if it is about to expire; undefined when there is
   * none, or it expired and cannot be refreshed.
   */
  async deviceLoginTokens(): Promise<CachedTokens | undefined> {
    const { issuer } = await this.issuer();
    const cached = await this.cache.latest(issuer, this.clientId, "device_code");
    if (!cached) return undefined;
    return this.#renewed(cached, this.hasSecret);
  }

  /**
   * A person's device login (RFC 8628): shows the address and code through
   * `tell` (server text: `tell` escapes it), waits for the approval, keeps
   * the tokens in place of an earlier device login of this issuer and client.
   * Times out when the code does (its `expires_in`, at most what the server says).
   */
  async deviceLogin(scope: string, tell: (message: string) => void): Promise<CachedTokens> {
    const { AccessDeniedError, DeviceCodeExpiredError } = await import("../../api/errors.ts");
    const client = await this.client(this.hasSecret);
    const device = await client.startDeviceAuthorization(scope);
    // Server text, each part escaped whole: it can neither drive the terminal nor add a line.
    const uri = escapeTerminalText(device.verification_uri);
    const complete = device.verification_uri_complete
      ? `\n(or open ${escapeTerminalText(device.verification_uri_complete)})`
      : "";
    const minutes = Math.max(1, Math.round(device.expires_in / 60));
    tell(
      `To log in, open ${uri} in a browser and enter the code: ${escapeTerminalText(device.user_code)}` +
        `${complete}\nWaiting for you to approve (at most ${minutes} min)...`,
    );
    let tokens: OAuthTokens;
    try {
      tokens = await client.pollDeviceAuthorization(device, scope);
    } catch (error) {
      if (error instanceof AccessDeniedError)
        throw new CliError(`the login was refused at ${client.issuer}`, ExitCode.failed);
      if (error instanceof DeviceCodeExpiredError)
        throw new CliError(
          'the code expired before the login was approved; run "synadm mas login" again',
          ExitCode.failed,
        );
      throw error;
    }
    const { issuer } = await this.issuer();
    await this.cache.forget(
      (entry) =>
        entry.grant === "device_code" &&
        normalIssuer(entry.issuer) === normalIssuer(issuer) &&
        entry.clientId === this.clientId,
    );
    const stored = await this.#store(issuer, "device_code", scope, tokens);
    tell(`Logged in; the tokens are kept in ${this.cache.path}.`);
    return stored;
  }

  /** Keeps a grant's tokens and answers them. */
  async store(grant: CachedGrant, scope: string, tokens: OAuthTokens): Promise<CachedTokens> {
    return this.#store((await this.issuer()).issuer, grant, scope, tokens);
  }

  async #store(
    issuer: string,
    grant: CachedGrant,
    scope: string,
    tokens: OAuthTokens,
  ): Promise<CachedTokens> {
    const entry: CachedTokens = {
      issuer: normalIssuer(issuer),
      clientId: this.clientId,
      grant,
      scope,
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(tokens.expiresAt === undefined ? {} : { expiresAt: tokens.expiresAt }),
      savedAt: Date.now(),
    };
    try {
      await this.cache.set(entry);
    } catch (error) {
      // The tokens still serve this run; the next one asks MAS again.
      this.#host.log.warn(`cannot keep the tokens in ${this.cache.path}: ${(error as Error).message}`);
    }
    this.#noteOrigin(entry);
    return entry;
  }

  #noteOrigin(entry: CachedTokens): void {
    this.origin = {
      grant: entry.grant,
      expiresAt: entry.expiresAt,
      refreshable: Boolean(entry.refreshToken) || (entry.grant === "client_credentials" && this.hasSecret),
      cachePath: this.cache.path,
    };
  }

  /** The cached tokens if still good for a while, else refreshed; undefined when they cannot be renewed. */
  async #renewed(cached: CachedTokens, withSecret: boolean): Promise<CachedTokens | undefined> {
    if (fresh(cached)) {
      this.#noteOrigin(cached);
      return cached;
    }
    if (!cached.refreshToken) return undefined;
    const client = await this.client(withSecret);
    try {
      const tokens = await client.refresh(cached.refreshToken, cached.scope);
      this.#host.log.info(`renewed the ${cached.grant} token at ${cached.issuer}`);
      return await this.#store(cached.issuer, cached.grant, cached.scope, tokens);
    } catch (error) {
      const { OAuthError } = await import("../../api/errors.ts");
      if (!(error instanceof OAuthError) || error.error !== "invalid_grant") throw error;
      // Another run may have refreshed first (refresh tokens are good once): its tokens serve.
      const now = await this.cache.get(cached.issuer, cached.clientId, cached.grant, cached.scope);
      if (now && now.accessToken !== cached.accessToken && fresh(now)) {
        this.#noteOrigin(now);
        return now;
      }
      // The refresh token was revoked or used up: the login is over.
      await this.cache.forget((entry) => entry.accessToken === cached.accessToken);
      return undefined;
    }
  }
}

/** Whether tokens are good for more than the renewal margin. */
function fresh(tokens: CachedTokens): boolean {
  return tokens.expiresAt === undefined || tokens.expiresAt - RENEW_BEFORE_MS > Date.now();
}
