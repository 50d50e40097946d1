import type { RunFor } from "../../runtime/command.ts";
import { CliError, ExitCode } from "../../runtime/errors.ts";
import { underMas } from "../../runtime/mas-routing.ts";
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
  // Under MAS, Synapse serves no password login: MAS does, at its public base (the issuer),
  // where a reverse proxy would send a Matrix client's login.
  const delegation = (await underMas(context)) ? await context.authDelegation() : undefined;
  if (delegation?.delegated) {
    context.log.info(`${userId} logs in at MAS (${delegation.issuer}), which serves Matrix logins here`);
    const compat = await context.masCompatClient(delegation.issuer);
    return document(await compat.matrix.login({ user: userId, password }));
  }
  return document(await admin.matrix.login({ user: userId, password }));
};
