import { ServerFactsCache } from "./server-facts-cache.ts";

/**
 * Remembers discovered homeserver names per base URL, so that commands taking
 * a bare localpart do not repeat the discovery round-trips on every run.
 */
export class ServerNameCache extends ServerFactsCache<string> {
  constructor(env: Readonly<Record<string, string | undefined>>, homedir: string) {
    super(env, homedir, "server-names.json", "name", (name) => (typeof name === "string" ? name : undefined));
  }
}
