import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jsonSession } from "../support/cli.ts";

const { synadm } = jsonSession();

describe("group", () => {
  it("delete says that Synapse removed groups and exits non-zero", async () => {
    const result = await synadm("group", "delete", "+group:example.org");
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Synapse removed groups \(communities\) in version 1\.61/);
  });
});
