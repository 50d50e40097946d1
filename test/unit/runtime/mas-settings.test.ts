import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadSettings } from "../../../src/cli/runtime/settings/load.ts";

describe("the MAS settings", () => {
  it("mas_url, mas_token and mas_token_command come from the file or SYNADM_ variables", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "synadm-mas-")), "synadm.yaml");
    writeFileSync(path, "mas_url: https://auth.example.org\nmas_token_command: pass show mas\n", {
      mode: 0o600,
    });
    const { settings } = await loadSettings(path, { SYNADM_MAS_TOKEN: "mat_x" }, undefined);
    assert.equal(settings.mas_url, "https://auth.example.org");
    assert.equal(settings.mas_token, "mat_x");
    assert.equal(settings.mas_token_command, "pass show mas");
    const defaults = await loadSettings(join(path, "..", "absent.yaml"), {}, undefined);
    assert.deepEqual(
      [defaults.settings.mas_url, defaults.settings.mas_token, defaults.settings.mas_token_command],
      ["", "", ""],
    );
  });

  it("a file holding a MAS token that others can read gives a warning", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "synadm-mas-")), "synadm.yaml");
    writeFileSync(path, "mas_token: mat_secret\n", { mode: 0o644 });
    const { warnings } = await loadSettings(path, {}, undefined);
    assert.match(warnings.join("\n"), /holds an access token but others can read it/);
  });
});
