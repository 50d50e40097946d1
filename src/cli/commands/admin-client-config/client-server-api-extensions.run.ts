import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { setParameters, showParameters } from "./client-server-api-extensions.ts";

export const showAdminClientConfig: RunFor<typeof showParameters> = async (context) =>
  document(await (await context.admin()).adminClientConfig.get());

export const setAdminClientConfig: RunFor<typeof setParameters> = async (context, { options }) => {
  const { adminClientConfig } = await context.admin();
  const config = { ...(await adminClientConfig.get()) };
  if (options.softFailed !== undefined) config.return_soft_failed_events = options.softFailed;
  if (options.spammy !== undefined) config.return_policy_server_spammy_events = options.spammy;
  return document(await adminClientConfig.set(config));
};
