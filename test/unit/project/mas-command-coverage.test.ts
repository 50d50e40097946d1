import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { findCommand } from "../../support/command-tree.ts";
import { MAS_COMMANDS } from "../../support/mas-operations.ts";

const spec = JSON.parse(
  readFileSync(new URL("../../fixtures/mas-admin-api/openapi.json", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, { operationId: string }>> };
const operationIds = Object.values(spec.paths).flatMap((methods) =>
  Object.values(methods).map((operation) => operation.operationId),
);

describe("every operation of MAS's admin API has a synadm mas command", () => {
  it("the table names every operation and no other", () => {
    assert.deepEqual([...operationIds].sort(), Object.keys(MAS_COMMANDS).sort());
  });

  for (const id of operationIds) {
    it(`${id} → synadm ${MAS_COMMANDS[id]}`, () => {
      assert.equal(findCommand((MAS_COMMANDS[id] ?? "?").split(" "))?.kind, "command");
    });
  }
});
