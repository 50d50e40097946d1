import { object, string, unknown } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { path } from "../path.ts";
import { responseSchema } from "../schema.ts";
import type { MasSetPolicyDataOptions } from "./mas-options.ts";
import { MAS_BODY_FIELDS, toWire } from "./mas-options.ts";
import { MasResource, type MasSingle } from "./mas-resource.ts";

export type { MasSetPolicyDataOptions } from "./mas-options.ts";

/** The attributes of a MAS resource object: `PolicyData` of MAS's OpenAPI description. */
export interface MasPolicyData {
  created_at: string;
  data: unknown;
}

// `PolicyData` of MAS's OpenAPI description: optional where it does not require a field.
const masPolicyDataSchema = responseSchema<MasPolicyData>()(
  object({
    created_at: string(),
    data: unknown(),
  }),
);

/** The MAS admin API: the policy engine's data; the operations tagged `policy-data` in its OpenAPI description. */
export class MasPolicyDataResource extends MasResource {
  /**
   * Sets the policy engine's data; the latest set is the one in force.
   *
   * `POST /api/admin/v1/policy-data`
   */
  async set(
    policy: MasSetPolicyDataOptions,
    options: RequestOptions = {},
  ): Promise<MasSingle<MasPolicyData>> {
    const body = toWire("policy", policy, MAS_BODY_FIELDS.setPolicyData);
    return this.POST<MasSingle<MasPolicyData>>(
      "/policy-data",
      { body, schema: this.masSingle(masPolicyDataSchema) },
      options,
    );
  }

  /**
   * The policy engine's data in force.
   *
   * `GET /api/admin/v1/policy-data/latest`
   */
  latest(options: RequestOptions = {}): Promise<MasSingle<MasPolicyData>> {
    return this.GET<MasSingle<MasPolicyData>>(
      "/policy-data/latest",
      { schema: this.masSingle(masPolicyDataSchema) },
      options,
    );
  }

  /**
   * The policy engine's data of one earlier set, by ID.
   *
   * `GET /api/admin/v1/policy-data/<id>`
   */
  get(id: string, options: RequestOptions = {}): Promise<MasSingle<MasPolicyData>> {
    return this.GET<MasSingle<MasPolicyData>>(
      path`/policy-data/${id}`,
      { schema: this.masSingle(masPolicyDataSchema) },
      options,
    );
  }
}
