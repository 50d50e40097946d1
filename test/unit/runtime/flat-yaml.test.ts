import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { readFlatMapping } from "../../../src/cli/runtime/settings/flat-yaml.ts";

const VALUES = [
  "",
  "~",
  "null",
  "Null",
  "true",
  "True",
  "false",
  "yes",
  "no",
  "on",
  "0",
  "42",
  "-7",
  "007",
  "1.5",
  "1e3",
  "0x1f",
  ".inf",
  "30",
  "https://matrix.example.org",
  "http://localhost:8008/sub",
  "/_synapse/admin",
  "syt_YWRtaW4_abcDEF_123",
  "well-known",
  "auto-retrieval",
  "matrix.example.org",
  '"quoted value"',
  "'single # not a comment'",
  '"esc\\"aped"',
  "value # comment",
  "two words",
  "[a, b]",
  "{a: 1}",
  "&anchor x",
  "*alias",
  "!tag x",
  "|",
  ">",
  "@at",
  "`tick",
  "%pct",
  "-",
  "- item",
  "2026-11-23",
  "a: b",
];

describe("the configuration file's fast path", () => {
  it("reads what synadm writes without the YAML parser", () => {
    const text =
      "user: admin\ntoken: syt_YWRtaW4_x_y\nbase_url: https://matrix.example.org\nadmin_path: /_synapse/admin\n" +
      "matrix_path: /_matrix\ntimeout: 30\nformat: yaml\nserver_discovery: well-known\n" +
      "homeserver: auto-retrieval\nssl_verify: true\n";
    const entries = readFlatMapping(text);
    assert.ok(entries);
    assert.deepEqual(Object.fromEntries(entries.map((e) => [e.key, e.value])), parse(text));
    assert.equal(entries[5]!.line, 6);
  });

  it("agrees with the YAML parser on every value it accepts, and gives up on the rest", () => {
    let accepted = 0;
    for (const value of VALUES) {
      const text = `# comment\nkey: ${value}\n`;
      const entries = readFlatMapping(text);
      if (!entries) continue;
      accepted++;
      assert.deepEqual({ key: entries[0]!.value }, parse(text), `value ${JSON.stringify(value)}`);
    }
    assert.ok(accepted >= 15 && accepted < VALUES.length, `accepted ${accepted}`);
    for (const text of ["a:\n  b: 1\n", "---\na: 1\n", "a: [1]\n", " a: 1\n", "a: 1 # c\n", "\ufeffa: 1\n"])
      assert.equal(readFlatMapping(text), undefined, text);
  });
});
