import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { DOC_FILES, renderDocs } from "../../../scripts/gen-docs.ts";
import { rootGroup } from "../../../src/cli/commands/index.ts";

const committed = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const docs = renderDocs();

describe("generated docs", () => {
  for (const [kind, path] of Object.entries(DOC_FILES) as Array<[keyof typeof DOC_FILES, string]>) {
    it(`${path} matches the command definitions`, () => {
      // Not assert.equal: a diff of 2,000 lines says less than the remedy.
      assert.ok(docs[kind] === committed(path), `${path} is out of date: run npm run docs`);
    });
  }

  it("name every command group, and show options, defaults and examples", () => {
    for (const group of rootGroup.commands)
      assert.ok(docs.markdown.includes(`### synadm ${group.name}`), group.name);
    assert.match(docs.markdown, /- `-l, --limit INTEGER`: Users per page\. \(default: 100\)/);
    assert.match(
      docs.markdown,
      /```sh\n# Users not seen for half a year, oldest first\nsynadm -o human user inactive --since 180d\n/,
    );
    assert.match(docs.man, /^\.SS "synadm user list"$/m);
    assert.match(docs.man, /^\\fB\\-\\-sort\\-by\\fR \\fI\[name\|\\:is_guest/m);
  });
});
