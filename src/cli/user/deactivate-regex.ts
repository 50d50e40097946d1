import { runBulkCommand } from "../bulk/run-bulk-command.ts";
import { UsageError } from "../errors.ts";
import type { RunFor } from "../parser/spec.ts";
import type { deactivateRegexParameters } from "./command.ts";

/** A user regex as synadm matched it: Python's re.match, anchored at the start. */
export function userPattern(regex: string): RegExp {
  try {
    return new RegExp(`^(?:${regex})`, "u");
  } catch (error) {
    throw new UsageError(`the regular expression does not compile: ${(error as Error).message}`);
  }
}

const run: RunFor<typeof deactivateRegexParameters> = async (context, { options, args }) => {
  const pattern = userPattern(args.regex);
  const admin = await context.admin();
  await runBulkCommand(context, {
    command: "user deactivate-regex",
    identity: { regex: args.regex, gdprErase: options.gdprErase },
    itemField: "user_id",
    noun: `active user(s) matching ${args.regex}`,
    question: (count) =>
      `${options.gdprErase ? "Deactivate and GDPR-erase" : "Deactivate"} these ${count} user(s)?`,
    selectItems: async () => {
      const matches: string[] = [];
      for await (const user of admin.users.list({ limit: options.batchSize }))
        if (pattern.test(user.name)) matches.push(user.name);
      return matches;
    },
    perform: async (userId, signal) => {
      await admin.users.deactivate(userId, options.gdprErase, { signal });
      return undefined;
    },
    options,
  });
};
export default run;
