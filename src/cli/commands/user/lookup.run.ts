import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { authProviderParameters, threepidParameters, usernameParameters } from "./lookup.ts";

export const authProvider: RunFor<typeof authProviderParameters> = async (context, { options, args }) => {
  const admin = await context.admin();
  return document(await admin.users.findByAuthProvider(options.provider!, args.externalUserId));
};

export const threepid: RunFor<typeof threepidParameters> = async (context, { options, args }) => {
  return document(await (await context.admin()).users.findByThreepid(options.medium, args.address));
};

export const usernameAvailable: RunFor<typeof usernameParameters> = async (context, { args }) => {
  return document(await (await context.admin()).users.usernameAvailable(args.localpart));
};
