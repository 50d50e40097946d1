// Hostile server text (control characters, ESC sequences, bidi controls,
// huge strings) fed into every output format and every message: nothing
// reaches a terminal raw, csv/tsv cells never open as formulas, and the
// machine formats keep the exact value.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { parseCsv } from "../../../src/cli/runtime/csv.ts";
import { stderrLogger } from "../../../src/cli/runtime/log.ts";
import { csvRow, tsvRow } from "../../../src/cli/runtime/output/delimited.ts";
import { formatOutput, OUTPUT_FORMATS, type OutputFormat } from "../../../src/cli/runtime/output/format.ts";
import { neutraliseFormula, restoreFormulaCell } from "../../../src/cli/runtime/output/formula-cells.ts";
import { formatHuman } from "../../../src/cli/runtime/output/human.ts";
import { printDocument } from "../../../src/cli/runtime/output/print.ts";
import { printStreamedList } from "../../../src/cli/runtime/output/stream.ts";
import type { OutputTarget } from "../../../src/cli/runtime/output/terminal.ts";
import { escapeTerminalText } from "../../../src/cli/runtime/output/terminal-text.ts";
import type { Scripted } from "../../support/fake-transport.ts";
import { roomDetails, userDetails, userSummary } from "../../support/fixtures.ts";
import { runInProcess } from "../../support/in-process.ts";

// What must never reach a terminal raw (line feeds and tabs are checked per format).
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
// One pass of a global pattern: the tables of the fuzz are megabytes long.
const UNSAFE_ALL = new RegExp(`${UNSAFE.source}|[\\t\\n]`, "gu");
const unsafeBut = (allowed: string) => (text: string) =>
  [...text.matchAll(UNSAFE_ALL)].map(([char]) => char).filter((char) => !allowed.includes(char));

const HOSTILE = [
  "\x1b]52;c;ZWNobyBwd25lZA==\x07",
  "\x1b[2J\x1b[H",
  "\x1b[31mred\x1b[0m",
  "fake\rError: looks real",
  "two\nlines",
  "tab\there",
  "\u202eevil\u202c",
  "\u2066iso\u2069 \u200e\u200f\u061c",
  "line\u2028sep\u2029para",
  "c1 \x85 \x9b2J \x90dcs\x9c",
  "del\x7f nul\x00 bell\x07 bs\x08",
  '=HYPERLINK("http://x","y")',
  "+1+1",
  "-2",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "'=already quoted",
  "\t=tab first",
  "\r=cr first",
  "\\x1b as text",
  "Zoë 🐱 名前",
  `${"A".repeat(70_000)}\x1b[2J`,
];

// A small seeded generator: the same strings on every run, many of them.
function* randomStrings(count: number): Generator<string> {
  let seed = 15;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const pool = [
    0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x9b, 0x202e, 0x2066, 0x2028, 0x61, 0x3d, 0x2d, 0x40,
    0x27, 0x5c, 0x22, 0x2c, 0x20, 0xe9, 0x1f431,
  ];
  for (let i = 0; i < count; i++) {
    let text = "";
    const length = next() % 12;
    for (let j = 0; j < length; j++) text += String.fromCodePoint(pool[next() % pool.length]!);
    yield text;
  }
}

const STRINGS = [...HOSTILE, ...randomStrings(400)];

// Lists of objects with hostile keys and values, objects, scalars and lists of strings.
function documents(): unknown[] {
  const rows = STRINGS.map((text, index) => ({
    name: `@u${index}:example.org`,
    displayname: text,
    [`key ${text.slice(0, 20)}`]: index,
    nested: { topic: text, list: [text, -5] },
    count: index % 2 ? -index : index,
  }));
  return [rows, rows[0], STRINGS, "\x1b[2J scalar", { [STRINGS[0]!]: STRINGS[1] }];
}

function capture(options: { tty?: boolean; rawCells?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const target: OutputTarget = {
    stdout: {
      write: (chunk: string) => out.push(chunk),
      ...(options.tty ? { isTTY: true, columns: 60 } : {}),
    },
    stderr: { write: (chunk: string) => err.push(chunk) },
    env: { NO_COLOR: "1" },
    rawCells: options.rawCells,
  };
  return { target, out, err };
}

describe("escapeTerminalText", () => {
  it("shows control characters, DEL, C1, bidi controls and line separators as visible escapes", () => {
    assert.equal(escapeTerminalText("\x1b]52;c;x\x07"), "\\x1b]52;c;x\\x07");
    assert.equal(escapeTerminalText("a\tb\nc\rd"), "a\\tb\\nc\\rd");
    assert.equal(escapeTerminalText("\x00\x7f\x85\x9b"), "\\x00\\x7f\\x85\\x9b");
    assert.equal(
      escapeTerminalText("\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029"),
      "\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029",
    );
  });

  it("keeps line feeds only when asked, and leaves ordinary text, backslashes and emoji alone", () => {
    assert.equal(escapeTerminalText("a\nb\x1b", { keepLineBreaks: true }), "a\nb\\x1b");
    assert.equal(escapeTerminalText("a\r\nb", { keepLineBreaks: true }), "a\\r\nb");
    for (const text of ["plain", "Zoë 🐱 名前 e\u0301", "C:\\path\\x1b", "👩‍👩‍👧"])
      assert.equal(escapeTerminalText(text), text);
  });

  it("escapes every string of the fuzz corpus completely, and twice is the same as once", () => {
    for (const text of STRINGS) {
      const once = escapeTerminalText(text);
      assert.deepEqual(unsafeBut("")(once), [], JSON.stringify(text));
      assert.equal(escapeTerminalText(once), once);
    }
  });
});

describe("formula cells", () => {
  it("puts a quote before a text cell a spreadsheet would run, as OWASP recommends", () => {
    for (const text of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''-x"])
      assert.equal(neutraliseFormula(text), `'${text}`, text);
    for (const text of ["plain", "'quoted", "1-2", " =x", "@alice:example.org", "@a.b_c=d/e+f-g:[::1]:8448"])
      assert.equal(neutraliseFormula(text), text, text);
    // A user ID outside today's grammar may hold a formula: quoted.
    assert.equal(neutraliseFormula("@SUM(1+1)*cmd|'/C calc'!A0:x.org"), "'@SUM(1+1)*cmd|'/C calc'!A0:x.org");
  });

  it("gives back exactly the value for every string (user import reads an export back)", () => {
    for (const text of STRINGS) assert.equal(restoreFormulaCell(neutraliseFormula(text)), text);
  });

  it("leaves numbers as numbers: -5 from JSON is no formula, the string '-5' is quoted", () => {
    assert.equal(csvRow([-5, "-5", true, null]), "-5,'-5,true,");
    assert.equal(tsvRow([-5, "-5", { a: "=x" }]), '-5\t\'-5\t{"a":"=x"}');
    assert.equal(csvRow(["=x", "\x1b[2J"], { raw: true }), "=x,\x1b[2J");
  });
});

describe("fuzz: hostile data in every output format", () => {
  for (const format of OUTPUT_FORMATS) {
    it(`${format}: nothing raw reaches the terminal${["json", "minified", "yaml", "ndjson"].includes(format) ? ", the value reads back exactly" : ""}`, async () => {
      for (const [index, document] of documents().entries()) {
        for (const tty of [false, true]) {
          const { target, out, err } = capture({ tty });
          await printDocument(target, format as OutputFormat, document, {
            records: Array.isArray(document) ? document : undefined,
          });
          const text = out.join("");
          // tsv separates cells with tabs; yaml writes a tab of a quoted value as it is.
          const allowed = format === "tsv" || format === "yaml" ? "\t\n" : "\n";
          assert.deepEqual(unsafeBut(allowed)(text), [], `${format} document ${index}`);
          assert.deepEqual(unsafeBut("\n")(err.join("")), [], `${format} warnings ${index}`);
          if (format === "json" || format === "minified") assert.deepEqual(JSON.parse(text), document);
          if (format === "yaml") assert.deepEqual(parseYaml(text), document);
          if (format === "ndjson") {
            const records = Array.isArray(document) ? document : [document];
            assert.deepEqual(
              text
                .trimEnd()
                .split("\n")
                .map((line) => JSON.parse(line)),
              records,
            );
          }
          if (format === "tsv") {
            const records = Array.isArray(document) ? document : [document];
            assert.equal(
              text.replace(/\n$/, "").split("\n").length,
              records.length + 1,
              "one line per record",
            );
          }
        }
      }
    });
  }

  it("csv and tsv: no text cell starts as a formula; --raw-cells gives every value exactly", async () => {
    const rows = STRINGS.map((text) => ({ value: text }));
    const safe = capture();
    await printDocument(safe.target, "csv", rows, { records: rows });
    const cells = parseCsv(safe.out.join(""))
      .slice(1)
      .map((row) => row.fields[0]!);
    for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
    const tsv = capture();
    await printDocument(tsv.target, "tsv", rows, { records: rows });
    for (const line of tsv.out.join("").split("\n").slice(1)) assert.doesNotMatch(line, /^[=+\-@\t\r]/);
    // An empty cell would be a blank line, which CSV readers skip.
    const exact = STRINGS.filter((text) => text !== "");
    const rawExact = capture({ rawCells: true });
    await printDocument(
      rawExact.target,
      "csv",
      exact.map((value) => ({ value })),
    );
    assert.deepEqual(
      parseCsv(rawExact.out.join(""))
        .slice(1)
        .map((row) => row.fields[0]),
      exact,
    );
  });

  it("streamed lists (user list, room list) are escaped the same way", async () => {
    for (const format of ["human", "tsv", "csv", "ndjson", "pprint"] as const) {
      const { target, out } = capture();
      async function* items() {
        for (const text of HOSTILE) yield { name: "@a:x", displayname: text };
      }
      await printStreamedList(target, format, "users", items(), { total: HOSTILE.length });
      assert.deepEqual(unsafeBut(format === "tsv" ? "\t\n" : "\n")(out.join("")), [], format);
    }
  });

  it("human: a line break stays inside its cell; keys, headers and list items stay one line", () => {
    assert.equal(formatHuman(["a\nb", "\x1b[2J"]), "a\\nb\n\\x1b[2J");
    const table = formatHuman([{ "k\ney": "x\ny" }]);
    assert.match(table, /^k\\ney/);
    assert.match(table, /\ny$/);
  });

  it("every format copes with a huge hostile string", async () => {
    const huge = `${"\x1b[2J\u202e".repeat(200_000)}`;
    for (const format of OUTPUT_FORMATS) {
      const text = await formatOutput({ name: huge }, format);
      assert.deepEqual(unsafeBut(format === "tsv" ? "\t\n" : "\n")(text).slice(0, 1), [], format);
    }
  });
});

describe("messages on stderr", () => {
  it("the logger writes one escaped line per message", () => {
    let err = "";
    stderrLogger({ write: (chunk: string) => (err += chunk) }, 0).warn("server said \x1b[2J\nERROR fake");
    assert.equal(err, "WARNING server said \\x1b[2J\\nERROR fake\n");
  });

  const run = (argv: string[], script: Scripted[], input = "") =>
    runInProcess(argv, {
      script,
      input,
      config: "base_url: https://hs.example.org\ntoken: syt_secret\nformat: json\n",
    });
  const EVIL = "Eve\x1b]52;c;cHduZWQ=\x07\x1b[2J\u202e\nAre you sure? [y/N]: y";

  it("the preview before user deactivate shows the display name escaped, on its own line", async () => {
    const result = await run(
      ["user", "deactivate", "@eve:example.org"],
      [
        { json: userDetails({ name: "@eve:example.org", displayname: EVIL }) },
        { json: { joined_rooms: [], total: 0 } },
      ],
      "n\n",
    );
    assert.equal(result.code, 10, result.stderr);
    assert.deepEqual(unsafeBut("\n")(result.stderr), []);
    assert.match(result.stderr, /Eve\\x1b\]52;c;cHduZWQ=\\x07\\x1b\[2J\\u202e\\nAre you sure/);
  });

  it("the preview before room delete escapes the name, the alias and every member", async () => {
    const result = await run(
      ["room", "delete", "!r:example.org"],
      [
        {
          json: roomDetails({
            room_id: "!r:example.org",
            name: EVIL,
            canonical_alias: "#a\x1b[8m:x",
            joined_members: 1,
            joined_local_members: 0,
          }),
        },
        { json: { members: ["@m\u202e\n  @admin:x:remote.org"], total: 1 } },
      ],
      "n\n",
    );
    assert.equal(result.code, 10, result.stderr);
    assert.deepEqual(unsafeBut("\n")(result.stderr), []);
    assert.match(result.stderr, /@m\\u202e\\n {2}@admin/);
  });

  it("the preview before user modify escapes the current settings", async () => {
    const result = await run(
      ["user", "modify", "@eve:example.org", "--display-name", "Eve"],
      [
        {
          json: userDetails({
            name: "@eve:example.org",
            displayname: EVIL,
            threepids: [{ medium: "email", address: "\u202e@x", validated_at: 0, added_at: 0 }],
          }),
        },
      ],
      "n\n",
    );
    assert.equal(result.code, 10, result.stderr);
    assert.deepEqual(unsafeBut("\n")(result.stderr), []);
  });

  it("the server's error text reaches the Error: line escaped, as one line", async () => {
    const result = await run(
      ["user", "details", "@eve:example.org"],
      [{ status: 404, json: { errcode: "M_NOT_FOUND", error: "gone\x1b[2J\nError: fake second line" } }],
    );
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
    assert.deepEqual(unsafeBut("\n")(result.stderr), []);
  });

  it("user export neutralises formula cells and escapes control characters; --raw-cells writes them as they are", async () => {
    const page: Scripted = {
      json: {
        users: [
          userSummary({ name: "@eve:example.org", displayname: '=HYPERLINK("x")\x1b[2J', admin: false }),
        ],
        total: 1,
      },
    };
    const safe = await run(["user", "export"], [page]);
    assert.equal(safe.code, 0, safe.stderr);
    assert.match(safe.stdout, /\n@eve:example\.org,"'=HYPERLINK\(""x""\)\\x1b\[2J",false/);
    const raw = await run(["--raw-cells", "user", "export"], [page]);
    assert.match(raw.stdout, /\n@eve:example\.org,"=HYPERLINK\(""x""\)\x1b\[2J",false/);
  });
});
