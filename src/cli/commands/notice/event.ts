import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
import type { stateParameters } from "./index.ts";

const run: RunFor<typeof stateParameters> = async (context, { options, args }) => {
  let content: unknown;
  try {
    content = JSON.parse(args.content);
  } catch (error) {
    throw new UsageError(`CONTENT is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    throw new UsageError("CONTENT must be a JSON object");
  }
  const userId = await context.userId(args.to);
  const result = await (await context.admin()).serverNotices.send(userId, {
    content: content as Record<string, unknown>,
    type: args.type,
    ...(options.stateKey === undefined ? {} : { stateKey: options.stateKey }),
  });
  await context.print(result);
};
export default run;
