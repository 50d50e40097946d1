import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { rootGroup } from "../../../src/cli/commands/index.ts";
import type { AnyCommandSpec, GroupSpec } from "../../../src/cli/framework/spec.ts";
import { MAS_COMMANDS } from "../../support/mas-operations.ts";

const spec = JSON.parse(
  readFileSync(new URL("../../fixtures/mas-admin-api/openapi.json", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, { operationId: string }>> };
const operationIds = Object.values(spec.paths).flatMap((methods) =>
  Object.values(methods).map((operation) => operation.operationId),
);

function find(path: string): AnyCommandSpec | GroupSpec | undefined {
  let node: AnyCommandSpec | GroupSpec | undefined = rootGroup;
  for (const name of path.split(" ")) {
    node = node?.kind === "group" ? node.commands.find((command) => command.name === name) : undefined;
  }
  return node;
}

describe("every operation of MAS's admin API has a synadm mas command", () => {
  it("the table names every operation and no other", () => {
    assert.deepEqual([...operationIds].sort(), Object.keys(MAS_COMMANDS).sort());
  });

  for (const id of operationIds) {
    it(`${id} → synadm ${MAS_COMMANDS[id]}`, () => {
      assert.equal(find(MAS_COMMANDS[id] ?? "?")?.kind, "command");
    });
  }
});
