import { parseTimeSpec } from "../../api/time.ts";
import type { RunFor } from "../parser/spec.ts";
import type { noParameters, startParameters } from "./command.ts";

export const status: RunFor<typeof noParameters> = async (context) => {
  await context.print(await (await context.admin()).backgroundUpdates.status());
};

export const enable: RunFor<typeof noParameters> = async (context) => {
  await context.print(await (await context.admin()).backgroundUpdates.setEnabled(true));
};

export const disable: RunFor<typeof noParameters> = async (context) => {
  await context.print(await (await context.admin()).backgroundUpdates.setEnabled(false));
};

export const start: RunFor<typeof startParameters> = async (context, { options, args }) => {
  const extra = {
    ...(options.oldKey === undefined ? {} : { old_key: options.oldKey }),
    ...(options.beforeTs === undefined ? {} : { before_ts: parseTimeSpec(options.beforeTs) }),
  };
  await context.print(await (await context.admin()).backgroundUpdates.startJob(args.job, extra));
};
