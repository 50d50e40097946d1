import { object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** The answer of the Version API. */
export interface ServerVersion {
  /** e.g. `1.160.0`, or `0.99.2rc1 (b=develop, abcdef123)` for a development build. */
  server_version: string;
}

const serverVersionSchema = responseSchema<ServerVersion>()(object({ server_version: string() }));

/** The Version API (`version_api.md`). */
export class VersionResource extends Resource {
  /**
   * The running Synapse version.
   *
   * `GET /_synapse/admin/v1/server_version`
   * @see https://element-hq.github.io/synapse/latest/admin_api/version_api.html
   */
  get(options: RequestOptions = {}): Promise<ServerVersion> {
    return this.GET("/v1/server_version", { schema: serverVersionSchema }, options);
  }
}

/**
 * Whether a `server_version` (`1.155.0`, `1.156.0rc1 (b=develop, ...)`) is
 * older than `release` (`1.156`, `1.156.1`); `undefined` when it does not
 * start with a version number. A release candidate counts as its release.
 */
export function versionBefore(serverVersion: string, release: string): boolean | undefined {
  const numbers = (text: string): number[] | undefined =>
    /^\s*v?(\d+(?:\.\d+)*)/.exec(text)?.[1]?.split(".").map(Number);
  const have = numbers(serverVersion);
  const want = numbers(release);
  if (!have || !want) return undefined;
  for (let i = 0; i < want.length; i++) {
    const part = have[i] ?? 0;
    if (part !== want[i]) return part < want[i]!;
  }
  return false;
}
