import { rootGroup } from "./commands/index.ts";
import { renderHelp } from "./framework/help.ts";
import { parseCommandLine } from "./framework/parse.ts";
import { loadImplementation } from "./framework/spec.ts";
import type { CommandOutcome } from "./runtime/command.ts";
import { CommandContext } from "./runtime/context.ts";
import { ExitCode } from "./runtime/errors.ts";
import type { CliIo } from "./runtime/io.ts";
import { type GlobalOptions, globalOptions } from "./runtime/options/global.ts";
import { reportError } from "./runtime/report-error.ts";

declare const SYNADM_VERSION: string;

/** The version of this synadm, set at build time. */
export const version: string = typeof SYNADM_VERSION === "string" ? SYNADM_VERSION : "0.0.0-dev";

/** An endpoint Synapse leaves out under MAS is explained, asking whether it delegates only then. */
async function explainUnserved(context: CommandContext, error: unknown): Promise<unknown> {
  const { explainUnservedUnderMas } = await import("./runtime/unserved-under-mas.ts");
  return explainUnservedUnderMas(error, async () => {
    const { settings } = await context.settings();
    // Without a token, finding out would start the configurator or fail: the bare error stands.
    if (!settings.token && !settings.token_command) return undefined;
    return (await context.authDelegation()).delegated ? settings.base_url : undefined;
  });
}

/** Runs one command line and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let verbosity = 0;
  try {
    const parsed = parseCommandLine(rootGroup, globalOptions, argv, io.env);
    switch (parsed.kind) {
      case "help":
        io.stdout.write(renderHelp(parsed.node, parsed.path, globalOptions));
        return ExitCode.ok;
      case "version":
        io.stdout.write(`synadm, version ${version}\n`);
        return ExitCode.ok;
      case "missing-command":
        io.stderr.write(renderHelp(parsed.node, parsed.path, globalOptions));
        io.stderr.write(`\nError: missing command; see '${parsed.path.join(" ")} --help'\n`);
        return ExitCode.usage;
      case "run": {
        const globals = parsed.globals as GlobalOptions;
        verbosity = globals.verbose;
        const context = new CommandContext(io, globals, parsed.path.slice(1).join(" "), rootGroup);
        const implementation = await loadImplementation(parsed.command.load);
        try {
          // The parser checked the input against this command's own declaration.
          const result = (await implementation(context, {
            options: parsed.options,
            args: parsed.args,
            given: parsed.given,
          } as never)) as CommandOutcome;
          if (result) {
            const datetime = parsed.options["datetime"];
            const { printResult } = await import("./runtime/output/print-result.ts");
            await printResult(
              context.output,
              await context.outputFormat(),
              result,
              typeof datetime === "boolean" ? datetime : undefined,
            );
            if (result.kind !== "stream" && result.failure) throw result.failure;
            if (result.kind !== "stream" && result.exitCode !== undefined) return result.exitCode;
          }
        } catch (error) {
          const { explainMasRefusal } = await import("./runtime/mas-routing.ts");
          throw await explainUnserved(context, explainMasRefusal(error));
        } finally {
          context.prompt.close();
        }
        return ExitCode.ok;
      }
    }
  } catch (error) {
    return reportError(error, io.stderr, verbosity);
  }
}
