import { number, object } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { checkUserId, type UserId } from "../ids.ts";
import { responseSchema } from "../schema.ts";
import { Resource } from "./resource.ts";

const validitySchema = responseSchema<{ expiration_ts: number }>()(object({ expiration_ts: number() }));

/**
 * The Account validity API (`account_validity.md`), for servers with `account_validity` enabled.
 * @see https://element-hq.github.io/synapse/latest/admin_api/account_validity.html
 */
export class AccountValidityResource extends Resource {
  /**
   * Extends an account's validity by the configured period, or to `expirationTs`.
   *
   * `POST /_synapse/admin/v1/account_validity/validity`
   * @see https://element-hq.github.io/synapse/latest/admin_api/account_validity.html#renew-account
   */
  async renew(
    userId: UserId,
    renewal: { expirationTs?: number; enableRenewalEmails?: boolean } = {},
    options: RequestOptions = {},
  ): Promise<{ expiration_ts: number }> {
    checkUserId(userId);
    const body: Record<string, unknown> = { user_id: userId };
    if (renewal.expirationTs !== undefined) body["expiration_ts"] = renewal.expirationTs;
    if (renewal.enableRenewalEmails !== undefined)
      body["enable_renewal_emails"] = renewal.enableRenewalEmails;
    return this.POST("/v1/account_validity/validity", { body, schema: validitySchema }, options);
  }
}
