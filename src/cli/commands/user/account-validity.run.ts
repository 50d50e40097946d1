import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { renewParameters } from "./account-validity.ts";

export const renewAccount: RunFor<typeof renewParameters> = async (context, { options, args }) => {
  const expirationTs = options.expiration === undefined ? undefined : parseTimeSpec(options.expiration);
  const userId = await context.userId(args.userId);
  const result = await (await context.admin()).accountValidity.renew(userId, {
    ...(expirationTs === undefined ? {} : { expirationTs }),
    ...(options.noRenewalEmails ? { enableRenewalEmails: false } : {}),
  });
  return document(result);
};
