import type { TokenOrigin } from "../../runtime/oauth-tokens.ts";
import type { Severity } from "./findings.ts";

const DAY_MS = 86_400_000;

/** What to say of a token synadm got through OAuth 2.0 (kept in its cache): when it expires, and whether that matters. */
export function judgeOAuthToken(
  origin: TokenOrigin,
  now: number = Date.now(),
): { severity: Severity; message: string; action?: string } {
  const how =
    origin.grant === "device_code" ? "the device login (synadm mas login)" : "the client credentials grant";
  const source = `the token comes from ${how}, kept in ${origin.cachePath}`;
  if (origin.expiresAt === undefined) return { severity: "ok", message: `${source}; it does not expire` };
  const at = new Date(origin.expiresAt).toISOString();
  if (origin.refreshable)
    return { severity: "ok", message: `${source}; it expires at ${at} and is renewed before then` };
  if (origin.expiresAt - now < DAY_MS)
    return {
      severity: "warning",
      message: `${source}; it expires at ${at}${origin.expiresAt <= now ? " (expired)" : ""} and cannot be refreshed`,
      action:
        origin.grant === "device_code"
          ? "log in again: synadm mas login"
          : "check mas_client_secret: a new token is fetched with it",
    };
  return { severity: "ok", message: `${source}; it expires at ${at} and cannot be refreshed` };
}
