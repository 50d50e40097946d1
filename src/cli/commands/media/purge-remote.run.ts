import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { beforeTime } from "../../runtime/options/before.ts";
import { document } from "../../runtime/output/result.ts";
import type { purgeParameters } from "./purge-remote.ts";

export const purgeRemoteMedia: RunFor<typeof purgeParameters> = async (context, { options }) => {
  const before = beforeTime(options)!;
  const { media } = await context.admin();
  const action = `Purge cached remote media last accessed before ${new Date(before).toISOString()}`;
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () => media.purgeRemoteCache({ beforeTs: before }),
    "when-configured",
  );
  return result ? document(result) : undefined;
};
