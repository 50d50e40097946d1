import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import { document } from "../../runtime/output/result.ts";
import type { matrixLoginParameters } from "./login.ts";

export const matrixLogin: RunFor<typeof matrixLoginParameters> = async (context, { options, args }) => {
  if (options.password === undefined && context.globals.batch) {
    throw new CliError("matrix login needs --password in batch mode", ExitCode.usage);
  }
  // Configured first: on a first run the configurator asks its questions before the password.
  const admin = await context.admin();
  const userId = await context.userId(args.userId);
  const password = options.password ?? (await context.prompt.ask("Password", { hidden: true }));
  context.prompt.close();
  return document(await admin.matrix.login({ user: userId, password }));
};
