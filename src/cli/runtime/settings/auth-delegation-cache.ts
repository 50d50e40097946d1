import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AuthDelegation } from "../../../api/auth-delegation.ts";

const MAX_AGE_MS = 7 * 86_400_000;

type CacheFile = Record<string, { delegation: AuthDelegation; at: number }>;

/**
 * Remembers per base URL whether the server delegates auth (MAS), as the
 * server names are remembered, so that a user list on a server without MAS
 * costs no extra request once the answer is known. A failure to read or
 * write the cache only costs a new question to the server.
 */
export class AuthDelegationCache {
  readonly #path: string;

  constructor(env: Readonly<Record<string, string | undefined>>, homedir: string) {
    const base = env["XDG_CACHE_HOME"] || join(homedir, ".cache");
    this.#path = join(base, "synadm", "auth-delegation.json");
  }

  get path(): string {
    return this.#path;
  }

  async get(baseUrl: string, now: number = Date.now()): Promise<AuthDelegation | undefined> {
    const entry = (await this.#read())[baseUrl];
    if (!entry || now - entry.at >= MAX_AGE_MS) return undefined;
    const { delegation } = entry;
    if (delegation?.delegated === false) return { delegated: false };
    if (delegation?.delegated === true && typeof delegation.issuer === "string") return delegation;
    return undefined;
  }

  async set(baseUrl: string, delegation: AuthDelegation, now: number = Date.now()): Promise<void> {
    const cache = await this.#read();
    cache[baseUrl] = { delegation, at: now };
    try {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      await writeFile(this.#path, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
    } catch {
      // Read-only home: the server is asked again next time.
    }
  }

  async #read(): Promise<CacheFile> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.#path, "utf8"));
      return typeof parsed === "object" && parsed !== null ? (parsed as CacheFile) : {};
    } catch {
      return {};
    }
  }
}
