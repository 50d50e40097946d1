import { join } from "node:path";
import type { AuthDelegation } from "../../api/auth-delegation.ts";
import type { UserId } from "../../api/ids.ts";
import type { Logger } from "../../api/logger.ts";
import type { MasAdmin } from "../../api/mas-admin.ts";
import type { SynapseAdmin } from "../../api/synapse-admin.ts";
import type { GroupSpec } from "../framework/spec.ts";
import { CliError, ExitCode } from "./errors.ts";
import type { CliIo } from "./io.ts";
import { stderrLogger } from "./log.ts";
import type { OAuthLogin } from "./oauth-tokens.ts";
import type { GlobalOptions } from "./options/global.ts";
import type { OutputFormat } from "./output/format.ts";
import type { OutputTarget } from "./output/terminal.ts";
import { escapeTerminalText } from "./output/terminal-text.ts";
import { Prompter } from "./prompt.ts";
import type { LoadedSettings } from "./settings/load.ts";
import type { CachedTokens } from "./settings/oauth-token-cache.ts";
import type { Settings } from "./settings/settings.ts";

/**
 * Questions may name what the server said (a room name, a user's display
 * name): shown with control characters escaped, as every message is.
 */
class TerminalSafePrompter extends Prompter {
  override ask(question: string, options?: Parameters<Prompter["ask"]>[1]): Promise<string> {
    return super.ask(escapeTerminalText(question, { keepLineBreaks: true }), options);
  }

  override confirm(question: string): Promise<"yes" | "no" | "closed"> {
    return super.confirm(escapeTerminalText(question, { keepLineBreaks: true }));
  }
}

/**
 * What a command implementation works with: the process's streams, the
 * global options, the configuration and an API client, each made on first use
 * so a command pays only for what it touches.
 */
export class CommandContext {
  readonly io: CliIo;
  readonly globals: GlobalOptions;
  readonly log: Logger;
  readonly prompt: Prompter;
  #settings: Promise<LoadedSettings> | undefined;
  #admin: Promise<SynapseAdmin> | undefined;
  #mas: Promise<MasAdmin> | undefined;
  #oauth: Promise<OAuthLogin> | undefined;

  /** The command being run, e.g. `user deactivate`, for the audit log. */
  readonly commandPath: string;

  /** Every command of the application, for the commands that describe it (completion). */
  readonly commandTree: GroupSpec | undefined;

  constructor(io: CliIo, globals: GlobalOptions, commandPath = "", commandTree?: GroupSpec) {
    this.io = io;
    this.commandTree = commandTree;
    this.globals = globals;
    this.commandPath = commandPath;
    this.log = stderrLogger(io.stderr, globals.verbose);
    this.prompt = new TerminalSafePrompter(io);
  }

  /** Whether prompts may be shown: not in batch mode, and a person at the terminal. */
  get interactive(): boolean {
    return !this.globals.batch && Boolean(this.io.stdin.isTTY);
  }

  /** The configuration file in use: `-c`, else `$SYNADM_CONFIG`, else `~/.config/synadm.yaml`. */
  get configPath(): string {
    const given = this.globals.configFile ?? this.io.env["SYNADM_CONFIG"];
    if (!given) return join(this.io.homedir, ".config", "synadm.yaml");
    return given.startsWith("~/") ? join(this.io.homedir, given.slice(2)) : given;
  }

  /** Where runs keep state between invocations (bulk journals): `$XDG_STATE_HOME`, else `~/.local/state`. */
  get stateDir(): string {
    return this.io.env["XDG_STATE_HOME"] || join(this.io.homedir, ".local", "state");
  }

  /** The profile of the configuration file in use: `--profile`, else `$SYNADM_PROFILE`; none: the top level. */
  get profile(): string | undefined {
    return this.globals.profile || this.io.env["SYNADM_PROFILE"] || undefined;
  }

  /** The configuration file (with the profile in use) merged with the environment; an unknown profile stops. */
  async settings(): Promise<LoadedSettings> {
    const loaded = await this.settingsToEdit();
    if (loaded.unknownProfile) throw new CliError(loaded.unknownProfile, ExitCode.usage);
    return loaded;
  }

  /** As {@link settings}, but a profile the file does not have yet is no error: the configurator creates it. */
  settingsToEdit(): Promise<LoadedSettings> {
    this.#settings ??= import("./settings/load.ts").then(async ({ loadSettings }) => {
      const loaded = await loadSettings(this.configPath, this.io.env, this.profile);
      for (const warning of loaded.warnings) this.log.warn(warning);
      return loaded;
    });
    return this.#settings;
  }

  /** Forgets the loaded configuration, after the configurator changed it. */
  reloadSettings(): void {
    this.#settings = undefined;
  }

  /**
   * A client for the configured server. When no token is configured, an
   * interactive run starts the configurator (as synadm does); any other run
   * stops with a message saying how to configure.
   */
  admin(): Promise<SynapseAdmin> {
    this.#admin ??= this.#createAdmin();
    return this.#admin;
  }

  /**
   * A client of the Matrix Authentication Service's admin API: at `mas_url`,
   * else `mas_issuer`, else at the issuer the homeserver names (cached, see {@link authDelegation}),
   * with `mas_token` or what `mas_token_command` prints.
   */
  mas(): Promise<MasAdmin> {
    this.#mas ??= this.#createMas();
    return this.#mas;
  }

  /** A full user ID from what the admin typed, using the (cached) homeserver name for bare localparts. */
  async userId(input: string): Promise<UserId> {
    const { expandUserId, parseUserInput } = await import("../../api/ids.ts");
    const parsed = parseUserInput(input);
    return "userId" in parsed ? parsed.userId : expandUserId(parsed.localpart, await this.serverName());
  }

  /** The homeserver's name: configured, cached from an earlier run, or discovered now. */
  async serverName(): Promise<string> {
    const { settings } = await this.settings();
    if (settings.homeserver && settings.homeserver !== "auto-retrieval") return settings.homeserver;
    const { ServerNameCache } = await import("./settings/server-name-cache.ts");
    const cache = new ServerNameCache(this.io.env, this.io.homedir);
    const cached = await cache.get(settings.base_url);
    if (cached) return cached;
    const name = await (await this.admin()).serverName();
    await cache.set(settings.base_url, name);
    return name;
  }

  /**
   * Whether the server delegates auth (MAS): cached from an earlier run, or
   * asked now (`GET /_matrix/client/v1/auth_metadata`) and cached. Asked by
   * the client on its first user list only, so other commands pay nothing.
   */
  async authDelegation(): Promise<AuthDelegation> {
    const { settings } = await this.settings();
    const { AuthDelegationCache } = await import("./settings/auth-delegation-cache.ts");
    const cache = new AuthDelegationCache(this.io.env, this.io.homedir);
    const cached = await cache.get(settings.base_url);
    if (cached) return cached;
    const { discoverAuthDelegation } = await import("../../api/auth-delegation.ts");
    // Asked without a token: the answer may decide which token there is (a device login's).
    const found = await discoverAuthDelegation((await this.adminWithoutToken()).http);
    await cache.set(settings.base_url, found);
    return found;
  }

  /** synadm's OAuth 2.0 logins at MAS: the issuer, the client, the token cache. */
  oauth(): Promise<OAuthLogin> {
    this.#oauth ??= Promise.all([import("./oauth-tokens.ts"), this.settings()]).then(
      ([{ OAuthLogin }, { settings }]) => new OAuthLogin(this, settings),
    );
    return this.#oauth;
  }

  /** The output format: `-o`, else the configured one. */
  async outputFormat(): Promise<OutputFormat> {
    return this.globals.output ?? (await this.settings()).settings.format;
  }

  /**
   * Refuses to go on when the configured `audit_log` cannot be written (opened
   * for appending, created with mode 0600 if absent): called before the first
   * change, so that no change goes unrecorded.
   */
  async checkAuditLog(): Promise<void> {
    const path = (await this.settings()).settings.audit_log;
    if (!path) return;
    const { closeSync, openSync } = await import("node:fs");
    try {
      closeSync(openSync(path, "a", 0o600));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CliError(
        `audit_log ${path} cannot be written (${reason}); nothing was changed: fix its permissions or the audit_log setting`,
        ExitCode.usage,
      );
    }
  }

  /** Where results go: the streams, the environment, and how csv and tsv cells are written (`--raw-cells`). */
  get output(): OutputTarget {
    const { stdout, stderr, env } = this.io;
    return { stdout, stderr, env, rawCells: this.globals.rawCells };
  }

  /**
   * A message for the person running the command, never mixed into the data.
   * Its line breaks stay; anything else that could drive the terminal is
   * escaped. Server text put in a message is escaped whole before (see
   * output/terminal-text.ts), so that it cannot add a line either.
   */
  note(message: string): void {
    this.io.stderr.write(`${escapeTerminalText(message, { keepLineBreaks: true })}\n`);
  }

  /** For the configurator: whether the server these settings name delegates auth; undefined if it cannot be told. */
  async delegationOf(settings: Settings): Promise<AuthDelegation | undefined> {
    try {
      const { discoverAuthDelegation } = await import("../../api/auth-delegation.ts");
      return await discoverAuthDelegation((await this.#clientFor(settings, false)).http);
    } catch (error) {
      this.log.warn(`cannot tell whether ${settings.base_url} delegates auth: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** For the configurator: a device login under the settings it just wrote. */
  async deviceLogin(): Promise<void> {
    this.reloadSettings();
    this.#oauth = undefined;
    const { LOGIN_SCOPES } = await import("./oauth-tokens.ts");
    await (await this.oauth()).deviceLogin(LOGIN_SCOPES, (message) => this.note(message));
  }

  /** A client for calls that need no token (shared-secret registration), even when none is configured. */
  async adminWithoutToken(): Promise<SynapseAdmin> {
    return this.#clientFor((await this.settings()).settings, false);
  }

  /**
   * A client, without a token, for the Matrix client API that MAS serves
   * itself at `issuer` (its compatibility layer: password logins), where the
   * server delegates auth to it and Synapse no longer serves them.
   */
  async masCompatClient(issuer: string): Promise<SynapseAdmin> {
    const { settings } = await this.settings();
    const base = issuer.replace(/\/+$/, "");
    return this.#clientFor({ ...settings, base_url: base, matrix_path: "/_matrix", protocol: "http" }, false);
  }

  async #createAdmin(): Promise<SynapseAdmin> {
    let { settings } = await this.settings();
    if (!settings.token && settings.token_command) {
      const { tokenFromCommand } = await import("./settings/client.ts");
      settings = { ...settings, token: await tokenFromCommand(settings.token_command) };
    }
    let provider: (() => Promise<string>) | undefined;
    if (!settings.token) {
      const login = await this.#deviceLogin();
      if (login) provider = (await this.oauth()).provider(login);
      settings = login ? { ...settings, token: login.accessToken } : await this.#configureFirst();
    }
    // A token is sent in a header: a control character would fail there with a puzzling message.
    if (/[\x00-\x1f\x7f]/.test(settings.token))
      throw new CliError(
        "the access token contains a control character (a line break?); check it",
        ExitCode.usage,
      );
    return this.#clientFor(settings, true, provider);
  }

  async #createMas(): Promise<MasAdmin> {
    const { settings } = await this.settings();
    // MAS serves its admin API at its issuer's base, so a configured issuer names it too.
    let baseUrl = settings.mas_url || settings.mas_issuer;
    if (!baseUrl) {
      const delegation = await this.authDelegation();
      if (!delegation.delegated)
        throw new CliError(
          `${settings.base_url} does not delegate auth to the Matrix Authentication Service; ` +
            "set mas_url (or SYNADM_MAS_URL) to reach one anyway",
          ExitCode.usage,
        );
      baseUrl = delegation.issuer;
    }
    const { sharedClientOptions, tokenFromCommand } = await import("./settings/client.ts");
    const found = await this.#masToken(settings, baseUrl, tokenFromCommand);
    const token = typeof found === "string" ? found : found.accessToken;
    if (!token)
      throw new CliError(
        "no token for MAS's admin API: set mas_token or mas_token_command (or SYNADM_MAS_TOKEN), " +
          "a token with the scope urn:mas:admin; or log in (synadm mas login); or set mas_client_id and " +
          "mas_client_secret (client credentials)",
        ExitCode.usage,
      );
    if (/[\x00-\x1f\x7f]/.test(token))
      throw new CliError(
        "the MAS token contains a control character (a line break?); check it",
        ExitCode.usage,
      );
    const { MasAdmin } = await import("../../api/mas-admin.ts");
    return new MasAdmin({
      ...(await sharedClientOptions(settings, this)),
      baseUrl,
      accessToken: token,
      ...(typeof found === "string" ? {} : { accessTokenProvider: (await this.oauth()).provider(found) }),
    });
  }

  /**
   * MAS's admin API token: `mas_token`, else `mas_token_command`, else the
   * client credentials grant, else a device login, else Synapse's token
   * (a token MAS issued may carry urn:mas:admin too) when this MAS is the one
   * the homeserver delegates to: it is never sent to another server.
   */
  async #masToken(
    settings: Settings,
    baseUrl: string,
    tokenFromCommand: (command: string, key?: string) => Promise<string>,
  ): Promise<string | CachedTokens> {
    if (settings.mas_token) return settings.mas_token;
    if (settings.mas_token_command) return tokenFromCommand(settings.mas_token_command, "mas_token_command");
    const oauth = await this.oauth();
    if (oauth.hasSecret) return oauth.clientCredentialsTokens();
    const fromLogin = await oauth.deviceLoginTokens();
    if (fromLogin) return fromLogin;
    if (!settings.token && !settings.token_command) return "";
    const delegation = await this.authDelegation().catch(() => undefined);
    const { normalIssuer } = await import("./settings/oauth-token-cache.ts");
    if (!delegation?.delegated || normalIssuer(delegation.issuer) !== normalIssuer(baseUrl)) return "";
    return settings.token || tokenFromCommand(settings.token_command);
  }

  /**
   * With no token configured on a server that delegates auth, the token of
   * the device login (`synadm mas login`), which carries urn:synapse:admin:*.
   * A client credentials token cannot serve here: Synapse wants a user behind it.
   */
  async #deviceLogin(): Promise<CachedTokens | undefined> {
    const oauth = await this.oauth();
    // Only a run that logged in before asks the server anything here.
    if (!(await oauth.cache.hasAny("device_code"))) return undefined;
    const delegation = await this.authDelegation().catch(() => undefined);
    if (!delegation?.delegated) return undefined;
    const tokens = await oauth.deviceLoginTokens();
    if (tokens || this.interactive) return tokens;
    throw new CliError(
      `synadm has no token: the server delegates auth to ${delegation.issuer} and the device login there ` +
        'has expired; log in again with "synadm mas login", or set token (a personal access token)',
      ExitCode.usage,
    );
  }

  async #clientFor(
    settings: Settings,
    withToken: boolean,
    accessTokenProvider?: () => Promise<string>,
  ): Promise<SynapseAdmin> {
    const { createClient } = await import("./settings/client.ts");
    return createClient(settings, {
      withToken,
      ...(accessTokenProvider ? { accessTokenProvider } : {}),
      globals: this.globals,
      io: this.io,
      log: this.log,
      commandPath: this.commandPath,
      authDelegation: () => this.authDelegation(),
    });
  }

  async #configureFirst(): Promise<Settings> {
    const hint =
      `run "synadm config" or set SYNADM_TOKEN and SYNADM_BASE_URL; where the server delegates auth to MAS, ` +
      `"synadm mas login" logs in (a client credentials token cannot act on Synapse's Admin API: it has no user)`;
    if (!this.interactive) {
      const { fileExists } = await this.settings();
      const why = fileExists ? `${this.configPath} has no token` : `${this.configPath} does not exist`;
      throw new CliError(`synadm is not configured: ${why}; ${hint}`, ExitCode.usage);
    }
    const { runConfigurator } = await import("./settings/configurator.ts");
    await runConfigurator(this, {});
    this.reloadSettings();
    this.#oauth = undefined;
    const { settings } = await this.settings();
    if (settings.token) return settings;
    // The configurator may have logged in through MAS instead of taking a token.
    const fromLogin = await (await this.oauth()).deviceLoginTokens().catch(() => undefined);
    if (!fromLogin) throw new CliError("configuration incomplete: no token", ExitCode.configIncomplete);
    return { ...settings, token: fromLogin.accessToken };
  }
}
