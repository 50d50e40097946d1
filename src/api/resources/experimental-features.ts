import { boolean, object, record, string } from "valibot";
import { type EmptyAnswer, emptyAnswerSchema } from "../answers.ts";
import type { RequestOptions } from "../http-client.ts";
import { checkUserId, type UserId } from "../ids.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

/** The per-user experimental features Synapse lets admins toggle. */
export const EXPERIMENTAL_FEATURES = ["msc3881", "msc3575", "msc4222"] as const;

/** A user's experimental features, on (`true`) or off. */
export interface ExperimentalFeatureStates {
  features: Record<string, boolean>;
}

const statesSchema = responseSchema<ExperimentalFeatureStates>()(
  object({ features: record(string(), boolean()) }),
);

/**
 * The Experimental Features API (`experimental_features.md`).
 * @see https://element-hq.github.io/synapse/latest/admin_api/experimental_features.html
 */
export class ExperimentalFeaturesResource extends Resource {
  /**
   * Which experimental features a user has on.
   *
   * `GET /_synapse/admin/v1/experimental_features/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/experimental_features.html
   */
  async get(userId: UserId, options: RequestOptions = {}): Promise<ExperimentalFeatureStates> {
    checkUserId(userId);
    return this.GET(path`/v1/experimental_features/${userId}`, { schema: statesSchema }, options);
  }

  /**
   * Turns experimental features on or off for a user.
   *
   * `PUT /_synapse/admin/v1/experimental_features/<user_id>`
   * @see https://element-hq.github.io/synapse/latest/admin_api/experimental_features.html
   */
  async set(
    userId: UserId,
    features: Record<string, boolean>,
    options: RequestOptions = {},
  ): Promise<EmptyAnswer> {
    checkUserId(userId);
    return this.PUT(
      path`/v1/experimental_features/${userId}`,
      { body: { features }, schema: emptyAnswerSchema },
      options,
    );
  }
}
