import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { document } from "../../runtime/output/result.ts";
import type {
  deleteRateLimitParameters,
  setRateLimitParameters,
  showRateLimitParameters,
} from "./rate-limit.ts";

export const showRateLimit: RunFor<typeof showRateLimitParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.rateLimit(userId));
};

export const setRateLimit: RunFor<typeof setRateLimitParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const limit = { messages_per_second: options.messagesPerSecond, burst_count: options.burstCount };
  const action = `Override the rate limit of ${userId} with ${JSON.stringify(limit)}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.setRateLimit(userId, {
      messagesPerSecond: limit.messages_per_second,
      burstCount: limit.burst_count,
    }),
  );
  return result ? document(result) : undefined;
};

export const deleteRateLimit: RunFor<typeof deleteRateLimitParameters> = async (
  context,
  { options, args },
) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const action = `Remove the rate-limit override of ${userId}`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, () =>
    users.deleteRateLimit(userId),
  );
  return result ? document(result) : undefined;
};
