import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import { document } from "../../runtime/output/result.ts";
import { normalIssuer } from "../../runtime/settings/oauth-token-cache.ts";
import type { loginParameters, logoutParameters } from "./login.ts";

export const login: RunFor<typeof loginParameters> = async (context, { options }) => {
  const oauth = await context.oauth();
  const scope = options.scope.trim();
  if (!scope) throw new CliError("--scope is empty", ExitCode.usage);
  const stored = await oauth.deviceLogin(scope, (message) => context.note(message));
  return document({
    issuer: stored.issuer,
    client_id: stored.clientId,
    scope: stored.scope,
    expires_at: stored.expiresAt === undefined ? null : new Date(stored.expiresAt).toISOString(),
    refreshable: stored.refreshToken !== undefined,
  });
};

export const logout: RunFor<typeof logoutParameters> = async (context) => {
  const oauth = await context.oauth();
  const { issuer } = await oauth.issuer();
  const mine = (entry: { issuer: string; clientId: string }) =>
    normalIssuer(entry.issuer) === normalIssuer(issuer) &&
    (!oauth.clientId || entry.clientId === oauth.clientId);
  const entries = (await oauth.cache.all()).filter(mine);
  let revoked = 0;
  if (entries.length > 0 && oauth.clientId) {
    const client = await oauth.client(oauth.hasSecret);
    for (const entry of entries) {
      try {
        // The refresh token first: revoking it ends the access token too at most servers.
        if (entry.refreshToken && (await client.revoke(entry.refreshToken, "refresh_token"))) revoked++;
        if (await client.revoke(entry.accessToken, "access_token")) revoked++;
      } catch (error) {
        context.log.warn(`could not revoke a ${entry.grant} token at ${issuer}: ${(error as Error).message}`);
      }
    }
  }
  const forgotten = await oauth.cache.forget(mine);
  context.note(
    forgotten.length === 0
      ? `No tokens kept for ${issuer}.`
      : `Forgot ${forgotten.length} login(s) at ${issuer}${revoked > 0 ? `, revoked ${revoked} token(s)` : ""}.`,
  );
  return document({ issuer: normalIssuer(issuer), forgotten: forgotten.length, revoked });
};
