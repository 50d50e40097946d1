import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import type { matrixLoginParameters } from "./index.ts";

const run: RunFor<typeof matrixLoginParameters> = async (context, { options, args }) => {
  if (options.password === undefined && context.globals.batch) {
    throw new CliError("matrix login needs --password in batch mode", ExitCode.usage);
  }
  // Configured first: on a first run the configurator asks its questions before the password.
  const admin = await context.admin();
  const userId = await context.userId(args.userId);
  const password = options.password ?? (await context.prompt.ask("Password", { hidden: true }));
  context.prompt.close();
  await context.print(await admin.matrix.login(userId, password));
};
export default run;
