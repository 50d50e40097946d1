import { rootGroup } from "../../src/cli/commands/index.ts";
import type { AnyCommandSpec, GroupSpec } from "../../src/cli/framework/spec.ts";

/** The command or group of the CLI at `path` (`["user", "list"]`), if there is one. */
export function findCommand(path: readonly string[]): AnyCommandSpec | GroupSpec | undefined {
  let node: AnyCommandSpec | GroupSpec | undefined = rootGroup;
  for (const name of path)
    node = node?.kind === "group" ? node.commands.find((command) => command.name === name) : undefined;
  return node;
}
