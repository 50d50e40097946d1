import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { accountDataParameters } from "./account-data.ts";

export const accountData: RunFor<typeof accountDataParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.accountData(userId));
};
