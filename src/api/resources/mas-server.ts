import { boolean, number, object, string } from "valibot";
import type { RequestOptions } from "../http-client.ts";
import { responseSchema } from "../schema.ts";
import { MasResource } from "./mas-resource.ts";

/** An answer: `SiteConfig` of MAS's OpenAPI description. */
export interface MasSiteConfig {
  account_deactivation_allowed: boolean;
  account_recovery_allowed: boolean;
  captcha_enabled: boolean;
  displayname_change_allowed: boolean;
  email_change_allowed: boolean;
  minimum_password_complexity: number;
  password_change_allowed: boolean;
  password_login_enabled: boolean;
  password_registration_email_required: boolean;
  password_registration_enabled: boolean;
  password_registration_token_required: boolean;
  registration_token_required: boolean;
  server_name: string;
}

// `SiteConfig` of MAS's OpenAPI description: optional where it does not require a field.
const masSiteConfigSchema = responseSchema<MasSiteConfig>()(
  object({
    account_deactivation_allowed: boolean(),
    account_recovery_allowed: boolean(),
    captcha_enabled: boolean(),
    displayname_change_allowed: boolean(),
    email_change_allowed: boolean(),
    minimum_password_complexity: number(),
    password_change_allowed: boolean(),
    password_login_enabled: boolean(),
    password_registration_email_required: boolean(),
    password_registration_enabled: boolean(),
    password_registration_token_required: boolean(),
    registration_token_required: boolean(),
    server_name: string(),
  }),
);

/** An answer: `Version` of MAS's OpenAPI description. */
export interface MasVersion {
  version: string;
}

// `Version` of MAS's OpenAPI description: optional where it does not require a field.
const masVersionSchema = responseSchema<MasVersion>()(
  object({
    version: string(),
  }),
);

/** The MAS admin API: MAS itself: its version and the site configuration; the operations tagged `server` in its OpenAPI description. */
export class MasServerResource extends MasResource {
  /**
   * The configuration MAS exposes to its clients: what users may do (register, change passwords or emails, deactivate) and the server name.
   *
   * `GET /api/admin/v1/site-config`
   */
  siteConfig(options: RequestOptions = {}): Promise<MasSiteConfig> {
    return this.GET<MasSiteConfig>("/site-config", { schema: masSiteConfigSchema }, options);
  }

  /**
   * MAS's version.
   *
   * `GET /api/admin/v1/version`
   */
  version(options: RequestOptions = {}): Promise<MasVersion> {
    return this.GET<MasVersion>("/version", { schema: masVersionSchema }, options);
  }
}
