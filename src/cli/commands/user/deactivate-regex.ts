import { runBulkCommand } from "../../runtime/bulk/run-bulk-command.ts";
import type { RunFor } from "../../runtime/command.ts";
import { userPattern, usersMatching } from "../../runtime/user-pattern.ts";
import type { deactivateRegexParameters } from "./index.ts";
import { noLongerActive } from "./still-active.ts";

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
      const matches = await usersMatching(admin, pattern, options.batchSize);
      if (options.includeSelf) return matches;
      // Locking oneself out is never what a pattern meant.
      const { user_id: self } = await admin.matrix.whoAmI();
      if (!matches.includes(self)) return matches;
      context.note(`Leaving out your own account ${self}, which matches; --include-self takes it in.`);
      return matches.filter((userId) => userId !== self);
    },
    perform: async (userId, signal, run) => {
      // Chosen as active: one deactivated (or gone) since, e.g. before a --resume, is left alone.
      const gone = await noLongerActive(admin, userId, signal);
      if (gone) return run.skip(gone);
      return { ...(await admin.users.deactivate(userId, options.gdprErase, { signal })) };
    },
    options,
    // synadm printed several documents per user; here one list: the users (dry run), else each deactivation's answer.
    synadmDocument: (summary) =>
      summary.dry_run ? summary.not_started : [...summary.done, ...summary.failed],
  });
};
export default run;
