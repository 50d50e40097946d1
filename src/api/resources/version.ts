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
