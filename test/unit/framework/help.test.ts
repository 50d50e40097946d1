import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rootGroup } from "../../../src/cli/commands/index.ts";
import { renderHelp } from "../../../src/cli/framework/help.ts";
import { globalOptions } from "../../../src/cli/runtime/options/global.ts";

describe("help", () => {
  it("renders help from the same declarations, with sections and defaults", () => {
    const help = renderHelp(
      rootGroup.commands.find((c) => c.name === "raw")!,
      ["synadm", "raw"],
      globalOptions,
    );
    assert.match(help, /^Usage: synadm raw \[OPTIONS\] ENDPOINT\n/);
    assert.match(help, /-m, --method \[get\|post\|put\|delete\]/);
    assert.match(help, /\[default: get\]/);
    assert.match(help, /Data \[mutually exclusive\]:\n {4}-d, --data TEXT/);
    assert.match(help, /Examples:\n {2}synadm raw v1\/server_version/);
    const root = renderHelp(rootGroup, ["synadm"], globalOptions);
    assert.match(root, /--batch, --no-confirm, --yes, --non-interactive, --scripting/);
    assert.match(root, /Commands:\n[\s\S]*\n {2}config +Set up/);
  });
});
