import type { RunFor } from "../../runtime/command.ts";
import { listIn } from "../../runtime/output/result.ts";
import type { pushersParameters } from "./pushers.ts";

export const pushers: RunFor<typeof pushersParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return listIn(await (await context.admin()).users.pushers(userId), "pushers");
};
