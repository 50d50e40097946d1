import { boolean, exactOptional, object } from "valibot";
import { emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { MatrixResource } from "./matrix.ts";
import { Resource } from "./resource.ts";

/** How the Client-Server API behaves for the admin's own clients. */
export interface AdminClientConfig {
  /** Show soft-failed events in /sync and /messages. */
  return_soft_failed_events?: boolean;
  /** Show events a policy server flagged as spam. */
  return_policy_server_spammy_events?: boolean;
}

const EVENT_TYPE = "io.element.synapse.admin_client_config";

const configSchema = responseSchema<AdminClientConfig>()(
  object({
    return_soft_failed_events: exactOptional(boolean()),
    return_policy_server_spammy_events: exactOptional(boolean()),
  }),
);

/**
 * The Client-Server API extensions (`client_server_api_extensions.md`): global
 * account data of the admin's own account, read and written with the admin token.
 * @see https://element-hq.github.io/synapse/latest/admin_api/client_server_api_extensions.html
 */
export class AdminClientConfigResource extends Resource {
  /**
   * The admin's client config (`{}` when never set).
   *
   * `GET /_matrix/client/v3/user/{adminUserId}/account_data/io.element.synapse.admin_client_config`
   */
  async get(options: RequestOptions = {}): Promise<AdminClientConfig> {
    const userId = await this.#adminUserId(options);
    try {
      return await this.GET(
        path`/client/v3/user/${userId}/account_data/${EVENT_TYPE}`,
        { prefix: "matrix", schema: configSchema },
        options,
      );
    } catch (error) {
      if ((error as { status?: number }).status === 404) return {};
      throw error;
    }
  }

  /**
   * Replaces the admin's client config.
   *
   * `PUT /_matrix/client/v3/user/{adminUserId}/account_data/io.element.synapse.admin_client_config`
   * @see https://element-hq.github.io/synapse/latest/admin_api/client_server_api_extensions.html
   */
  async set(config: AdminClientConfig, options: RequestOptions = {}): Promise<AdminClientConfig> {
    const userId = await this.#adminUserId(options);
    await this.PUT(
      path`/client/v3/user/${userId}/account_data/${EVENT_TYPE}`,
      { prefix: "matrix", body: config, schema: emptyAnswerSchema },
      options,
    );
    return config;
  }

  async #adminUserId(options: RequestOptions): Promise<string> {
    return (await new MatrixResource(this.http).whoAmI(options)).user_id;
  }
}
