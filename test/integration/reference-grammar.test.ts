// The grammar of synadm 0.49.2 (every command and option), read from the
// reference installed in the test root, against this CLI's command tree.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { renderHelp } from "../../src/cli/framework/help.ts";
import { namesOf } from "../../src/cli/framework/spec.ts";
import { globalOptions } from "../../src/cli/runtime/options/global.ts";
import { findCommand } from "../support/command-tree.ts";
import { testServer } from "../support/server.ts";

const run = promisify(execFile);
// Global options are accepted after any command too.
const GLOBAL_NAMES = new Set(Object.values(globalOptions).flatMap((spec) => namesOf(spec.flags)));

/** One command of the reference: its path, its options' spellings, whether it has subcommands. */
interface ReferenceCommand {
  readonly path: string[];
  readonly options: string[];
  readonly group: boolean;
  readonly commands: string[];
}

/** Walks the reference's Click command tree in the test root. */
async function referenceGrammar(): Promise<ReferenceCommand[]> {
  const { root } = testServer();
  assert.ok(root, "the reference synadm is in the test root (SYNADM_TEST_ROOT, set by 'npm test')");
  const script = [
    "import json, click",
    "from synadm.cli import root",
    "def walk(cmd, path):",
    "    group = isinstance(cmd, click.Group)",
    "    options = [o for p in cmd.params if isinstance(p, click.Option) for o in p.opts + p.secondary_opts]",
    "    yield {'path': path, 'options': options, 'group': group,",
    "           'commands': sorted(cmd.commands) if group else []}",
    "    if group:",
    "        for name, sub in sorted(cmd.commands.items()):",
    "            yield from walk(sub, path + [name])",
    "print(json.dumps(list(walk(root, []))))",
  ].join("\n");
  const { stdout } = await run("chroot", [root, "python3", "-c", script], { maxBuffer: 16 << 20 });
  return JSON.parse(stdout) as ReferenceCommand[];
}

describe("grammar of synadm 0.49.2", () => {
  it("every command and option of the reference is accepted", async () => {
    const commands = await referenceGrammar();
    assert.ok(commands.length > 50, `${commands.length} commands in the reference`);
    let checked = 0;
    for (const command of commands) {
      const node = findCommand(command.path);
      assert.ok(node, `synadm ${command.path.join(" ")} exists`);
      const help = renderHelp(node, ["synadm", ...command.path], globalOptions);
      for (const name of command.options) {
        if (name === "--help" || GLOBAL_NAMES.has(name)) continue;
        assert.match(
          help,
          new RegExp(`(^|[\\s,/])${name}([\\s,=]|$)`, "m"),
          `synadm ${command.path.join(" ")} accepts ${name}`,
        );
        checked++;
      }
      for (const sub of command.commands)
        assert.ok(findCommand([...command.path, sub]), `synadm ${command.path.join(" ")} ${sub}`);
    }
    assert.ok(checked > 100, `checked ${checked} options`);
  });
});
