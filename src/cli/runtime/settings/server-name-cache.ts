import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const MAX_AGE_MS = 7 * 86_400_000;

type CacheFile = Record<string, { name: string; at: number }>;

/**
 * Remembers discovered homeserver names per base URL, so that commands taking
 * a bare localpart do not repeat the discovery round-trips on every run.
 * A failure to read or write the cache only costs a new discovery.
 */
export class ServerNameCache {
  readonly #path: string;

  constructor(env: Readonly<Record<string, string | undefined>>, homedir: string) {
    const base = env["XDG_CACHE_HOME"] || join(homedir, ".cache");
    this.#path = join(base, "synadm", "server-names.json");
  }

  get path(): string {
    return this.#path;
  }

  async get(baseUrl: string, now: number = Date.now()): Promise<string | undefined> {
    const entry = (await this.#read())[baseUrl];
    return entry && now - entry.at < MAX_AGE_MS ? entry.name : undefined;
  }

  async set(baseUrl: string, name: string, now: number = Date.now()): Promise<void> {
    const cache = await this.#read();
    cache[baseUrl] = { name, at: now };
    try {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      await writeFile(this.#path, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
    } catch {
      // Read-only home: discovery simply runs again next time.
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
