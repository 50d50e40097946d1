import { chmod, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** How tokens were had: the grant that gave them (refreshes keep the original grant). */
export type CachedGrant = "client_credentials" | "device_code";

/** Tokens kept between runs. */
export interface CachedTokens {
  readonly issuer: string;
  readonly clientId: string;
  readonly grant: CachedGrant;
  readonly scope: string;
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** ms since the epoch, if the server said. */
  readonly expiresAt?: number;
  /** When they were stored (ms since the epoch). */
  readonly savedAt: number;
}

/** The same server whatever trailing slashes the issuer was written with. */
export function normalIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, "");
}

function keyOf(issuer: string, clientId: string, grant: CachedGrant, scope: string): string {
  const scopes = scope.split(/\s+/).filter(Boolean).sort().join(" ");
  return JSON.stringify([normalIssuer(issuer), clientId, grant, scopes]);
}

function wellFormed(entry: unknown): entry is CachedTokens {
  const e = entry as Partial<Record<keyof CachedTokens, unknown>> | null;
  return (
    typeof e === "object" &&
    e !== null &&
    typeof e.issuer === "string" &&
    typeof e.clientId === "string" &&
    (e.grant === "client_credentials" || e.grant === "device_code") &&
    typeof e.scope === "string" &&
    typeof e.accessToken === "string" &&
    (e.refreshToken === undefined || typeof e.refreshToken === "string") &&
    (e.expiresAt === undefined || typeof e.expiresAt === "number") &&
    typeof e.savedAt === "number"
  );
}

/**
 * OAuth 2.0 tokens synadm got (client credentials, device login), in
 * `$XDG_CACHE_HOME/synadm/oauth-tokens.json` (mode 0600, its directory 0700),
 * keyed by issuer, client ID, grant and scope. A file others can read is
 * made private again, with a warning, before it is read.
 */
export class OAuthTokenCache {
  readonly path: string;
  readonly #warn: (message: string) => void;

  constructor(
    env: Readonly<Record<string, string | undefined>>,
    homedir: string,
    warn: (message: string) => void,
  ) {
    const base = env["XDG_CACHE_HOME"] || join(homedir, ".cache");
    this.path = join(base, "synadm", "oauth-tokens.json");
    this.#warn = warn;
  }

  async get(
    issuer: string,
    clientId: string,
    grant: CachedGrant,
    scope: string,
  ): Promise<CachedTokens | undefined> {
    return (await this.#read())[keyOf(issuer, clientId, grant, scope)];
  }

  /** The newest tokens of a grant for this issuer and client, whatever their scope. */
  async latest(
    issuer: string,
    clientId: string | undefined,
    grant: CachedGrant,
  ): Promise<CachedTokens | undefined> {
    const found = Object.values(await this.#read()).filter(
      (entry) =>
        normalIssuer(entry.issuer) === normalIssuer(issuer) &&
        entry.grant === grant &&
        (clientId === undefined || clientId === "" || entry.clientId === clientId),
    );
    return found.sort((a, b) => b.savedAt - a.savedAt)[0];
  }

  /** Whether any tokens of this grant are kept, without asking any server. */
  async hasAny(grant: CachedGrant): Promise<boolean> {
    return Object.values(await this.#read()).some((entry) => entry.grant === grant);
  }

  /** Every entry, for `synadm mas logout` and `synadm doctor`. */
  async all(): Promise<CachedTokens[]> {
    return Object.values(await this.#read());
  }

  async set(tokens: CachedTokens): Promise<void> {
    const all = await this.#read();
    all[keyOf(tokens.issuer, tokens.clientId, tokens.grant, tokens.scope)] = tokens;
    await this.#write(all);
  }

  /** Forgets the entries `which` picks; answers them. */
  async forget(which: (entry: CachedTokens) => boolean): Promise<CachedTokens[]> {
    const all = await this.#read();
    const gone: CachedTokens[] = [];
    for (const [key, entry] of Object.entries(all))
      if (which(entry)) {
        gone.push(entry);
        delete all[key];
      }
    if (gone.length > 0) await this.#write(all);
    return gone;
  }

  async #read(): Promise<Record<string, CachedTokens>> {
    let mode: number;
    try {
      mode = (await stat(this.path)).mode & 0o777;
    } catch {
      return {};
    }
    if (mode & 0o077) {
      this.#warn(
        `${this.path} could be read by others (mode ${mode.toString(8)}); made it private (0600): ` +
          "if others could read it, log out (synadm mas logout) to end the tokens in it",
      );
      try {
        await chmod(this.path, 0o600);
      } catch {
        this.#warn(`cannot make ${this.path} private: not using it`);
        return {};
      }
    }
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, "utf8"));
      const result: Record<string, CachedTokens> = {};
      if (typeof parsed === "object" && parsed !== null)
        for (const [key, entry] of Object.entries(parsed)) if (wellFormed(entry)) result[key] = entry;
      return result;
    } catch {
      return {};
    }
  }

  async #write(all: Record<string, CachedTokens>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    if (Object.keys(all).length === 0) {
      await unlink(this.path).catch(() => undefined);
      return;
    }
    // Written aside and renamed: a run killed mid-write leaves the old file whole, and never a readable one.
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
  }
}
