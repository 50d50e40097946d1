import type { RunFor } from "../../runtime/command.ts";
import type { setParameters, showParameters } from "./index.ts";

export const show: RunFor<typeof showParameters> = async (context) => {
  await context.print(await (await context.admin()).adminClientConfig.get());
};

export const set: RunFor<typeof setParameters> = async (context, { options }) => {
  const { adminClientConfig } = await context.admin();
  const config = { ...(await adminClientConfig.get()) };
  if (options.softFailed !== undefined) config.return_soft_failed_events = options.softFailed;
  if (options.spammy !== undefined) config.return_policy_server_spammy_events = options.spammy;
  await context.print(await adminClientConfig.set(config));
};
