import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import { underMas } from "../../runtime/mas-routing.ts";
import { document } from "../../runtime/output/result.ts";
import type { loginParameters, whoisParameters } from "./sessions.ts";

export const whoisUser: RunFor<typeof whoisParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.whois(userId));
};

const DAY_MS = 86_400_000;

export const loginAsUser: RunFor<typeof loginParameters> = async (context, { options, args }) => {
  const { parseTimeSpec } = await import("../../../api/time.ts");
  let validUntilMs: number | undefined;
  if (options.expireNever) validUntilMs = undefined;
  else if (options.expireTs !== undefined) validUntilMs = options.expireTs;
  else if (options.expire !== undefined) validUntilMs = parseTimeSpec(options.expire);
  else validUntilMs = Date.now() + (options.expireDays ?? 1) * DAY_MS;
  if (validUntilMs !== undefined && validUntilMs <= Date.now()) {
    throw new UsageError(`the expiry ${new Date(validUntilMs).toISOString()} is in the past`);
  }
  const userId = await context.userId(args.userId);
  if (!context.globals.batch) {
    context.note(
      `Logging in as ${userId}: act on their behalf only with good reason. ` +
        (validUntilMs === undefined
          ? "The token never expires."
          : `The token expires ${new Date(validUntilMs).toISOString()}.`),
    );
  }
  if (await underMas(context)) {
    const { personalSessionFor } = await import("../../runtime/mas-accounts.ts");
    const { accessToken, sessionId } = await personalSessionFor(
      context,
      userId,
      validUntilMs,
      `synadm user login ${userId}`,
    );
    context.note(
      `Under MAS the token is a personal session's, ${sessionId}: end it early with ` +
        `\`synadm mas personal-session revoke ${sessionId}\`.`,
    );
    // Synapse's login-as answers the token alone; so does synadm under MAS.
    return document({ access_token: accessToken });
  }
  return document(await (await context.admin()).users.loginAs(userId, { validUntilMs }));
};
