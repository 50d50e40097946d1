import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import { underMas } from "../../runtime/mas-routing.ts";
import { document } from "../../runtime/output/result.ts";
import type { renewParameters } from "./account-validity.ts";

export const renewAccount: RunFor<typeof renewParameters> = async (context, { options, args }) => {
  const expirationTs = options.expiration === undefined ? undefined : parseTimeSpec(options.expiration);
  const userId = await context.userId(args.userId);
  if (await underMas(context))
    throw new CliError(
      "the Matrix Authentication Service, which this server delegates auth to, has no account validity: " +
        `nothing to renew; to stop ${userId} for a while, \`synadm user modify ${userId} --lock\`, ` +
        `or for good, \`synadm user deactivate ${userId}\``,
      ExitCode.failed,
    );
  const result = await (await context.admin()).accountValidity.renew(userId, {
    ...(expirationTs === undefined ? {} : { expirationTs }),
    ...(options.noRenewalEmails ? { enableRenewalEmails: false } : {}),
  });
  return document(result);
};
