import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { sha256, unpaddedBase64 } from "../../../src/api/sha256.ts";

describe("sha256 without node:crypto", () => {
  it("gives node:crypto's digest at every length around the block boundaries, and of non-ASCII text", () => {
    for (let length = 0; length <= 200; length++) {
      const text = "#café:example.org".repeat(20).slice(0, length);
      const expected = createHash("sha256").update(text, "utf8").digest("base64").replace(/=+$/, "");
      assert.equal(unpaddedBase64(sha256(new TextEncoder().encode(text))), expected, `length ${length}`);
    }
  });

  it("writes base64 without padding", () => {
    for (let length = 0; length < 8; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => 250 - i * 31);
      assert.equal(unpaddedBase64(bytes), Buffer.from(bytes).toString("base64").replace(/=+$/, ""));
    }
  });
});
