import { requireBuiltins } from "./builtins.ts";
import { SynadmError } from "./errors.ts";
import { HttpClient } from "./http-client.ts";
import { isServerName } from "./ids.ts";
import { MatrixResource } from "./resources/matrix.ts";

/** How to find the federation endpoint when asking the homeserver for its name. */
export type DiscoveryMode = "well-known" | "dns";

/** A DNS SRV answer, as `node:dns` gives it. */
export interface SrvRecord {
  readonly name: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}

/** Dependencies of {@link discoverServerName}, replaceable in tests. */
export interface DiscoveryOptions {
  readonly mode: DiscoveryMode;
  readonly resolveSrv?: (name: string) => Promise<SrvRecord[]>;
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Finds the homeserver's name (the part after the colon in its user IDs),
 * which no admin endpoint reports.
 *
 * 1. Whoami with the admin token, on the configured base URL: exact, and the
 *    token goes nowhere it does not already go.
 * 2. Otherwise the federation signing keys (`GET /_matrix/key/v2/server`),
 *    asked without any token of the server found by the chosen mode:
 *    `well-known` reads `/.well-known/matrix/server` of the base URL (a loopback
 *    base URL is asked directly); `dns` reads the `_matrix-fed._tcp` SRV record
 *    (then the legacy `_matrix._tcp`) of the base URL's host.
 */
export async function discoverServerName(http: HttpClient, options: DiscoveryOptions): Promise<string> {
  const tried: string[] = [];
  if (http.hasAccessToken) {
    try {
      const { user_id } = await new MatrixResource(http).whoAmI();
      const name = user_id.slice(user_id.indexOf(":") + 1);
      if (isServerName(name)) return name;
      tried.push(`whoami gave "${user_id}"`);
    } catch (error) {
      tried.push(`whoami: ${(error as Error).message}`);
    }
  }
  try {
    const federationBase =
      options.mode === "dns"
        ? await federationBaseFromSrv(http, options)
        : await federationBaseFromWellKnown(http);
    http.logger.info(`asking ${federationBase} for its server name`);
    const keysClient = new HttpClient({
      baseUrl: federationBase,
      matrixPath: http.matrixPath,
      transport: http.transport,
      timeoutMs: http.timeoutMs,
      logger: http.logger,
      retry: { maxRetries: 0 },
    });
    const { server_name } = await new MatrixResource(keysClient).serverKeys();
    if (isServerName(server_name)) return server_name;
    tried.push(`the keys endpoint gave "${server_name}"`);
  } catch (error) {
    tried.push(`${options.mode}: ${(error as Error).message}`);
  }
  throw new SynadmError(
    `cannot find the homeserver name (${tried.join("; ")}); set "homeserver" in the configuration`,
  );
}

async function federationBaseFromWellKnown(http: HttpClient): Promise<string> {
  const base = new URL(http.baseUrl);
  if (LOOPBACK_HOST.test(base.hostname)) return http.baseUrl;
  let wellKnown: unknown;
  try {
    wellKnown = await http.request({
      method: "GET",
      prefix: "none",
      path: "/.well-known/matrix/server",
      accessToken: null,
      maxRetries: 0,
    });
  } catch {
    // No delegation: federation is served by the same host (spec: port 8448 by default).
    return `https://${base.hostname}:8448`;
  }
  const server = (wellKnown as Record<string, unknown> | null)?.["m.server"];
  if (typeof server !== "string" || !isServerName(server)) {
    throw new SynadmError(`${base.origin}/.well-known/matrix/server has no valid "m.server"`);
  }
  return /:\d+$/.test(server) ? `https://${server}` : `https://${server}:8448`;
}

async function federationBaseFromSrv(http: HttpClient, options: DiscoveryOptions): Promise<string> {
  const host = new URL(http.baseUrl).hostname;
  const resolveSrv = options.resolveSrv ?? requireBuiltins("SRV discovery")("node:dns/promises").resolveSrv;
  for (const service of ["_matrix-fed._tcp", "_matrix._tcp"]) {
    const records = await resolveSrv(`${service}.${host}`).catch(() => []);
    const best = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
    if (best) return `https://${best.name.replace(/\.$/, "")}:${best.port}`;
  }
  throw new SynadmError(`no _matrix-fed._tcp or _matrix._tcp SRV record for ${host}`);
}
