import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import { document } from "../../runtime/output/result.ts";
import { normalIssuer } from "../../runtime/settings/oauth-token-cache.ts";
import type { loginParameters, logoutParameters } from "./login.ts";

export const login: RunFor<typeof loginParameters> = async (context, { options }) => {
  const { AccessDeniedError, DeviceCodeExpiredError } = await import("../../../api/oauth.ts");
  const oauth = await context.oauth();
  const client = await oauth.client(oauth.hasSecret);
  const scope = options.scope.trim();
  if (!scope) throw new CliError("--scope is empty", ExitCode.usage);
  const device = await client.startDeviceAuthorization(scope);
  // Server text: context.note escapes it.
  context.note(
    `To log in, open ${device.verification_uri} in a browser and enter the code: ${device.user_code}` +
      (device.verification_uri_complete ? `\n(or open ${device.verification_uri_complete})` : "") +
      `\nWaiting for you to approve (at most ${Math.round(device.expires_in / 60)} min)...`,
  );
  let tokens: Awaited<ReturnType<typeof client.pollDeviceAuthorization>>;
  try {
    tokens = await client.pollDeviceAuthorization(device, scope);
  } catch (error) {
    if (error instanceof AccessDeniedError)
      throw new CliError(`the login was refused at ${client.issuer}`, ExitCode.failed);
    if (error instanceof DeviceCodeExpiredError)
      throw new CliError(
        `the code expired before the login was approved; run "synadm mas login" again`,
        ExitCode.failed,
      );
    throw error;
  }
  const { issuer } = await oauth.issuer();
  // One login per issuer and client: an older one (another scope) goes.
  await oauth.cache.forget(
    (entry) =>
      entry.grant === "device_code" &&
      normalIssuer(entry.issuer) === normalIssuer(issuer) &&
      entry.clientId === oauth.clientId,
  );
  const stored = await oauth.store("device_code", scope, tokens);
  context.note(`Logged in; the tokens are kept in ${oauth.cache.path}.`);
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
