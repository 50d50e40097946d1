import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const MAX_AGE_MS = 7 * 86_400_000;

/**
 * Remembers one fact per server base URL for a week (its homeserver name,
 * whether it delegates auth) in a file of the user's cache directory, so
 * that commands do not ask the server again on every run. The file holds
 * `{ [baseUrl]: { [field]: value, at } }`; a failure to read or write it only
 * costs asking the server again.
 */
export class ServerFactsCache<T> {
  readonly #path: string;
  readonly #field: string;
  readonly #check: (stored: unknown) => T | undefined;

  /** `check` gives the stored value back when it is well formed, else undefined. */
  constructor(
    env: Readonly<Record<string, string | undefined>>,
    homedir: string,
    file: string,
    field: string,
    check: (stored: unknown) => T | undefined,
  ) {
    const base = env["XDG_CACHE_HOME"] || join(homedir, ".cache");
    this.#path = join(base, "synadm", file);
    this.#field = field;
    this.#check = check;
  }

  get path(): string {
    return this.#path;
  }

  async get(baseUrl: string, now: number = Date.now()): Promise<T | undefined> {
    const entry = (await this.#read())[baseUrl];
    if (typeof entry !== "object" || entry === null) return undefined;
    const { at } = entry as { at?: unknown };
    if (typeof at !== "number" || now - at >= MAX_AGE_MS) return undefined;
    return this.#check((entry as Record<string, unknown>)[this.#field]);
  }

  async set(baseUrl: string, value: T, now: number = Date.now()): Promise<void> {
    const cache = await this.#read();
    cache[baseUrl] = { [this.#field]: value, at: now };
    try {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      await writeFile(this.#path, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
    } catch {
      // Read-only home: the server is asked again next time.
    }
  }

  async #read(): Promise<Record<string, unknown>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.#path, "utf8"));
      return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
}
