import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rootGroup } from "../../../src/cli/commands/index.ts";
import { renderHelp } from "../../../src/cli/framework/help.ts";
import { parseCommandLine } from "../../../src/cli/framework/parse.ts";
import type { AnyCommandSpec, GroupSpec, HelpExample } from "../../../src/cli/framework/spec.ts";
import { globalOptions } from "../../../src/cli/runtime/options/global.ts";

/** Every command of the tree with its path ("user list"). */
function leaves(node: GroupSpec, path: readonly string[] = []): Array<[string, AnyCommandSpec]> {
  return node.commands.flatMap((child) =>
    child.kind === "group"
      ? leaves(child, [...path, child.name])
      : [[[...path, child.name].join(" "), child] as [string, AnyCommandSpec]],
  );
}

/**
 * The arguments of each synadm invocation in a shell line, as the shell would
 * pass them: quotes removed, ending at a pipe, redirection or the end of `<(...)`.
 */
function synadmInvocations(line: string): string[][] {
  const tokens: string[] = [];
  const pattern = /\s*(?:(<\(|\||>>?|<|\)|;|&&)|((?:'[^']*'|"(?:\\.|[^"\\])*"|[^\s'"|<>();&])+))/gy;
  for (let match = pattern.exec(line); match && match[0] !== ""; match = pattern.exec(line)) {
    if (match[1]) tokens.push(`\0${match[1]}`);
    else
      tokens.push(
        match[2]!.replace(
          /'([^']*)'|"((?:\\.|[^"\\])*)"/g,
          (_, single, double) => single ?? double.replace(/\\(.)/g, "$1"),
        ),
      );
  }
  const invocations: string[][] = [];
  tokens.forEach((token, start) => {
    if (token !== "synadm") return;
    const end = tokens.findIndex((other, index) => index > start && other.startsWith("\0"));
    invocations.push(tokens.slice(start + 1, end < 0 ? undefined : end));
  });
  assert.ok(invocations.length > 0, `no synadm in: ${line}`);
  return invocations;
}

const commands = leaves(rootGroup);
// A command's examples, from its declaration.
const examplesOf = (command: AnyCommandSpec): readonly HelpExample[] => command.examples ?? [];

describe("help examples", () => {
  it("the test's word splitting reads quotes and finds every synadm of a pipeline", () => {
    assert.deepEqual(synadmInvocations(`synadm -o json user list -n 'a b' | jq -r "x"`), [
      ["-o", "json", "user", "list", "-n", "a b"],
    ]);
    assert.deepEqual(synadmInvocations("source <(synadm completion bash)"), [["completion", "bash"]]);
    assert.deepEqual(synadmInvocations("synadm a > x.txt && synadm b -"), [["a"], ["b", "-"]]);
  });

  it("every command has one or two explained examples, and no example names a missing command", () => {
    const missing = commands.filter(([, command]) => !examplesOf(command).length).map(([path]) => path);
    assert.deepEqual(missing, [], "add them to the command's declaration");
    for (const [path, command] of commands) {
      const examples = examplesOf(command);
      assert.ok(examples.length <= 2, `${path}: at most two examples`);
      for (const [commandLine, explanation] of examples) {
        assert.ok(explanation.length > 0 && explanation.length <= 70, `${path}: a short explanation`);
        assert.ok(commandLine.length <= 100, `${path}: fits a terminal`);
      }
    }
  });

  it("every example is a command line the parser accepts", () => {
    for (const [path, command] of commands) {
      const lines = examplesOf(command).map(([commandLine]) => commandLine);
      for (const line of lines) {
        const ran = synadmInvocations(line).map((argv) => {
          try {
            const parsed = parseCommandLine(rootGroup, globalOptions, argv);
            assert.equal(parsed.kind, "run", line);
            return parsed.kind === "run" ? parsed.path.slice(1).join(" ") : "";
          } catch (error) {
            return assert.fail(`${line}: ${(error as Error).message}`);
          }
        });
        assert.ok(ran.includes(path), `${line} runs ${path}`);
      }
    }
  });

  it("--help of a command shows its examples with their explanations", () => {
    const help = renderHelp(
      commands.find(([path]) => path === "user inactive")![1],
      ["synadm", "user", "inactive"],
      globalOptions,
    );
    assert.match(
      help,
      /\nExamples:\n {2}synadm -o human user inactive --since 180d\n {6}Users not seen for half a year, oldest first\n/,
    );
    assert.ok(help.indexOf("Examples:") < help.indexOf("Options:"));
  });
});
