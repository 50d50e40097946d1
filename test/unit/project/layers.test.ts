// The layer check (scripts/check-layers.mjs) holds the house's doors: it
// passes on the project, and fails on a copy with a planted cycle or a door
// walked through the wrong way.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";

const project = new URL("../../..", import.meta.url).pathname;
const script = join(project, "scripts", "check-layers.mjs");
const scratch = mkdtempSync(join(tmpdir(), "layers-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function check(root: string): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [script, root], { encoding: "utf8" });
  return { code: result.status, stderr: result.stderr };
}

/** A copy of the project's src with `plant` applied. */
function copyWith(name: string, plant: (src: string) => void): string {
  const root = join(scratch, name);
  cpSync(join(project, "src"), join(root, "src"), { recursive: true });
  plant(join(root, "src"));
  return root;
}

/** A small tree of files (path -> text) under a fresh root. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, "src", path)), { recursive: true });
    writeFileSync(join(root, "src", path), text);
  }
  return root;
}

describe("the layer check", () => {
  it("passes on the project", () => {
    const { code, stderr } = check(project);
    assert.equal(code, 0, stderr);
  });

  it("fails on a planted type-only cycle in the runtime, naming it", () => {
    const root = copyWith("cycle", (src) =>
      appendFileSync(
        join(src, "cli/runtime/io.ts"),
        '\nimport type { CommandContext } from "./context.ts";\n',
      ),
    );
    const { code, stderr } = check(root);
    assert.equal(code, 1);
    assert.match(stderr, /import cycle: .*cli\/runtime\/context\.ts <-> .*cli\/runtime\/io\.ts/);
  });

  it("fails when a door is walked the wrong way", () => {
    const cases: Record<string, [Record<string, string>, RegExp]> = {
      "the library imports the CLI": [
        { "api/a.ts": 'import "../cli/runtime/r.ts";\n', "cli/runtime/r.ts": "" },
        /api\/a\.ts \(api\) imports cli\/runtime\/r\.ts \(runtime\)/,
      ],
      "the framework imports the runtime": [
        { "cli/framework/f.ts": 'import type { R } from "../runtime/r.ts";\n', "cli/runtime/r.ts": "" },
        /cli\/framework\/f\.ts \(framework\) imports cli\/runtime\/r\.ts/,
      ],
      "the framework imports the library": [
        { "cli/framework/f.ts": 'import("../../api/a.ts");\n', "api/a.ts": "" },
        /cli\/framework\/f\.ts \(framework\) imports api\/a\.ts \(api\)/,
      ],
      "the runtime imports a command": [
        {
          "cli/runtime/r.ts": 'export * from "../commands/user/list.ts";\n',
          "cli/commands/user/list.ts": "",
        },
        /cli\/runtime\/r\.ts \(runtime\) imports cli\/commands\/user\/list\.ts \(commands\)/,
      ],
      "a group reaches into another": [
        {
          "cli/commands/notice/send.ts": 'import { x } from "../user/list.ts";\n',
          "cli/commands/user/list.ts": "",
        },
        /another command group's file/,
      ],
      "a command imports the tree": [
        { "cli/commands/completion/c.run.ts": 'import "../index.ts";\n', "cli/commands/index.ts": "" },
        /imports the command tree; only the composition root may/,
      ],
      "a file sits in no room": [
        { "cli/helpers.ts": 'import "./runtime/r.ts";\n', "cli/runtime/r.ts": "" },
        /no room/,
      ],
    };
    for (const [name, [files, message]] of Object.entries(cases)) {
      const { code, stderr } = check(tree(name.replaceAll(" ", "-"), files));
      assert.equal(code, 1, name);
      assert.match(stderr, message, name);
    }
  });

  it("allows the one sanctioned back-edge: a topic's implementation importing its declaration's types", () => {
    const declaration = 'export const p = 1;\nexport const c = { load: () => import("./devices.run.ts") };\n';
    const allowed = tree("sanctioned", {
      "cli/commands/user/devices.ts": declaration,
      "cli/commands/user/devices.run.ts": 'import type { p } from "./devices.ts";\n',
    });
    assert.equal(check(allowed).code, 0, check(allowed).stderr);
    const valueImport = tree("value-back-edge", {
      "cli/commands/user/devices.ts": declaration,
      "cli/commands/user/devices.run.ts": 'import { p } from "./devices.ts";\n',
    });
    assert.match(check(valueImport).stderr, /import cycle/);
  });
});
