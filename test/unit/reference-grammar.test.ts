import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { rootGroup } from "../../src/cli/commands.ts";
import { globalOptions } from "../../src/cli/global-options.ts";
import { renderHelp } from "../../src/cli/parser/help.ts";
import { type AnyCommandSpec, type GroupSpec, namesOf } from "../../src/cli/parser/spec.ts";

const HELP_FILE = new URL("../../../shared/reference/synadm-0.49.2-help.txt", import.meta.url).pathname;
// Groups whose issues are not done yet are checked once they exist in the tree.
// Read when the tests run, so a missing file fails with a message instead of an import error.
const helpSections = (): string[] => readFileSync(HELP_FILE, "utf8").split(/^=+$/m);
// Global options are accepted after any command too.
const GLOBAL_NAMES = new Set(Object.values(globalOptions).flatMap((spec) => namesOf(spec.flags)));

function find(path: readonly string[]): AnyCommandSpec | GroupSpec | undefined {
  let node: AnyCommandSpec | GroupSpec = rootGroup;
  for (const name of path) {
    if (node.kind !== "group") return undefined;
    const next: AnyCommandSpec | GroupSpec | undefined = node.commands.find((c) => c.name === name);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

describe("grammar of synadm 0.49.2", () => {
  it("the reference help file is there", () => {
    assert.ok(existsSync(HELP_FILE), `${HELP_FILE} is missing: shared/ must sit beside the repository`);
    assert.ok(helpSections().length > 50);
  });

  it("every command and option of the implemented groups is accepted", () => {
    let checked = 0;
    for (const section of helpSections()) {
      const header = /^\$ synadm ((?:[\w-]+ )*)--help$/m.exec(section);
      if (!header) continue;
      const path = header[1]!.trim().split(" ").filter(Boolean);
      if (path.length > 0 && !find(path.slice(0, 1))) continue;
      const node = find(path);
      assert.ok(node, `synadm ${path.join(" ")} exists`);
      const ours = renderHelp(node, ["synadm", ...path], globalOptions);
      const options = (section.split(/^Options:$/m)[1] ?? "").split(/^Commands:$/m)[0]!;
      for (const [, name] of options.matchAll(/(?:^|[\s,/])(--?[a-zA-Z][\w-]*)/g)) {
        if (name === "--help" || name!.endsWith("-") || GLOBAL_NAMES.has(name!)) continue;
        assert.match(
          ours,
          new RegExp(`(^|[\\s,/])${name}([\\s,=]|$)`, "m"),
          `synadm ${path.join(" ")} accepts ${name}`,
        );
        checked++;
      }
      const commands = section.split(/^Commands:$/m)[1];
      for (const [, name] of commands?.matchAll(/^ {2}([\w-]+)/gm) ?? []) {
        if (node.kind === "group" && path.length > 0)
          assert.ok(find([...path, name!]), `synadm ${path.join(" ")} ${name}`);
      }
    }
    assert.ok(checked > 100, `checked ${checked} options`);
  });
});
