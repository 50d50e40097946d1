// The record formats (ndjson, csv, tsv), streaming, and `human` on a terminal:
// fitted to its width, coloured unless NO_COLOR, times as local dates.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseCsv } from "../../../src/cli/runtime/csv.ts";
import { csvRow, tsvField, tsvRow } from "../../../src/cli/runtime/output/delimited.ts";
import { formatOutput } from "../../../src/cli/runtime/output/format.ts";
import { formatHuman } from "../../../src/cli/runtime/output/human.ts";
import { printDocument } from "../../../src/cli/runtime/output/print.ts";
import { printResult } from "../../../src/cli/runtime/output/print-result.ts";
import { createRecordWriter, formatRecords } from "../../../src/cli/runtime/output/record-writer.ts";
import { document, listIn } from "../../../src/cli/runtime/output/result.ts";
import { printStreamedList } from "../../../src/cli/runtime/output/stream.ts";
import { fitWidths, renderTable } from "../../../src/cli/runtime/output/table.ts";
import { tableLayout } from "../../../src/cli/runtime/output/terminal.ts";
import { epochMilliseconds, humanTimes, isTimestampField } from "../../../src/cli/runtime/output/times.ts";
import { displayWidth, truncateToWidth } from "../../../src/cli/runtime/output/width.ts";
import type { Scripted } from "../../support/fake-transport.ts";
import { userSummary } from "../../support/fixtures.ts";
import { runInProcess } from "../../support/in-process.ts";
import { capturedOutput } from "../../support/output-target.ts";

const lines = (...parts: string[]): string => parts.join("\n");
const ESC = "\u001b[";

const target = capturedOutput;

describe("csv and tsv cells", () => {
  it("quotes csv fields as RFC 4180 says, only when needed", () => {
    const values = ["plain", "a,b", 'say "hi"', "two\nlines", "cr\r", " padded", "", null, undefined];
    assert.equal(csvRow(values, { raw: true }), 'plain,"a,b","say ""hi""","two\nlines","cr\r"," padded",,,');
    // By default a carriage return is shown, not obeyed; a line feed stays inside its quotes.
    assert.equal(csvRow(values), 'plain,"a,b","say ""hi""","two\nlines",cr\\r," padded",,,');
  });

  it("writes numbers and booleans as JSON does, nested values as compact JSON", () => {
    assert.equal(
      csvRow([0, 1.5, 1700000000000, true, false, { k: [1, "x,y"] }, [], "Zoë 🐱"]),
      '0,1.5,1700000000000,true,false,"{""k"":[1,""x,y""]}",[],Zoë 🐱',
    );
  });

  it("escapes backslash, tab and line breaks in tsv and never quotes", () => {
    assert.equal(tsvField("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
    assert.equal(tsvField('say "hi", ok'), 'say "hi", ok');
    assert.equal(tsvRow(["x\ty", null, 3, { a: "b\tc" }]), 'x\\ty\t\t3\t{"a":"b\\\\tc"}');
  });
});

describe("record formats", () => {
  const users = [
    { name: "@a:x", displayname: "Ann, the admin", admin: true, creation_ts: 1700000000000, threepids: [] },
    { name: "@b:x", displayname: 'Bob "B"\nBobson', admin: false, creation_ts: null, threepids: [{ m: 1 }] },
  ];

  it("ndjson prints one JSON object per line per item, text unescaped", () => {
    const text = formatRecords([...users, { name: "@测试:x", displayname: "🐱" }], "ndjson");
    const parsed = text.split("\n");
    assert.equal(parsed.length, 3);
    assert.deepEqual(JSON.parse(parsed[1]!), users[1]);
    assert.equal(parsed[2], '{"name":"@测试:x","displayname":"🐱"}');
  });

  it("csv prints a header row from the first record's keys, then one row per item", () => {
    const text = formatRecords(users, "csv");
    assert.equal(
      text,
      lines(
        "name,displayname,admin,creation_ts,threepids",
        '@a:x,"Ann, the admin",true,1700000000000,[]',
        '@b:x,"Bob ""B""\nBobson",false,,"[{""m"":1}]"',
      ),
    );
    assert.deepEqual(
      parseCsv(text).map((row) => row.fields),
      [
        ["name", "displayname", "admin", "creation_ts", "threepids"],
        ["@a:x", "Ann, the admin", "true", "1700000000000", "[]"],
        ["@b:x", 'Bob "B"\nBobson', "false", "", '[{"m":1}]'],
      ],
    );
  });

  it("tsv prints the same rows with tabs, one line per item", () => {
    assert.equal(
      formatRecords(users, "tsv"),
      lines(
        "name\tdisplayname\tadmin\tcreation_ts\tthreepids",
        "@a:x\tAnn, the admin\ttrue\t1700000000000\t[]",
        '@b:x\tBob "B"\\nBobson\tfalse\t\t[{"m":1}]',
      ),
    );
  });

  it("keeps the first record's columns and names keys only later records have in one warning", () => {
    const written: string[] = [];
    const warnings: string[] = [];
    const writer = createRecordWriter(
      "csv",
      (line) => written.push(line),
      (message) => warnings.push(message),
    );
    writer.write({ a: 1, b: 2 });
    writer.write({ b: 3, c: 4, d: undefined });
    writer.write({ a: 5, e: 6, c: 7 });
    assert.equal(warnings.length, 0, "the warning comes once, at the end");
    writer.end();
    assert.deepEqual(written, ["a,b\n", "1,2\n", ",3\n", "5,\n"]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /columns come from the first record.*: c, e$/);
  });

  it("prints a document that is not a list as one line, or a header and one row", async () => {
    const details = { name: "@a:x", admin: true, external_ids: [{ auth_provider: "oidc" }] };
    assert.equal(
      await formatOutput(details, "ndjson"),
      '{"name":"@a:x","admin":true,"external_ids":[{"auth_provider":"oidc"}]}',
    );
    assert.equal(
      await formatOutput(details, "csv"),
      lines("name,admin,external_ids", '@a:x,true,"[{""auth_provider"":""oidc""}]"'),
    );
    assert.equal(await formatOutput("1.160.0", "tsv"), lines("value", "1.160.0"));
    assert.equal(await formatOutput(["!a:x", "!b:x"], "csv"), lines("value", "!a:x", "!b:x"));
  });

  it("prints the list a command's result names, its human rows, or the document as one record", async () => {
    const page = { users: [{ name: "@a:x" }], total: 1, next_token: "1" };
    const listed = target();
    await printResult(listed, "ndjson", listIn(page, "users"), undefined);
    assert.equal(listed.out.join(""), '{"name":"@a:x"}\n');
    const whole = target();
    await printResult(whole, "ndjson", document(page), undefined);
    assert.equal(whole.out.join(""), '{"users":[{"name":"@a:x"}],"total":1,"next_token":"1"}\n');
    const list = target();
    await printResult(list, "csv", document([{ a: 1 }, { a: 2 }]), undefined);
    assert.equal(list.out.join(""), "a\n1\n2\n");
    // Rows reworded for reading (power levels as text) in human; the server's records elsewhere.
    const rooms = { rooms: [{ room_id: "!r:x", power_levels: { "@a:x": 100 } }], offset: 0, total_rooms: 1 };
    const reworded = rooms.rooms.map((room) => ({ ...room, power_levels: "@a:x 100" }));
    const human = target();
    await printResult(human, "human", listIn(rooms, "rooms", { human: reworded }), undefined);
    assert.match(human.out.join(""), /@a:x 100/);
    const records = target();
    await printResult(records, "ndjson", listIn(rooms, "rooms", { human: reworded }), undefined);
    assert.equal(records.out.join(""), '{"room_id":"!r:x","power_levels":{"@a:x":100}}\n');
  });

  it("applies --datetime to the named fields in every format, --timestamp keeps epochs in human", async () => {
    const page = { registration_tokens: [{ token: "t", expiry_time: 1700000000000, pending: 0 }] };
    const local = target();
    await printResult(
      local,
      "json",
      listIn(page, "registration_tokens", { timeFields: ["expiry_time"] }),
      true,
    );
    assert.match(local.out.join(""), /"expiry_time": "\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/);
    const epochs = target();
    await printResult(epochs, "human", listIn(page, "registration_tokens"), false);
    assert.match(epochs.out.join(""), /1700000000000/);
    const byDefault = target();
    await printResult(byDefault, "human", listIn(page, "registration_tokens"), undefined);
    assert.match(byDefault.out.join(""), /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  });

  it("prints exactly the records of a list, and nothing at all for an empty one", async () => {
    const out = target();
    const page = { users: [{ name: "@a:x" }, { name: "@b:x" }], total: 2, next_token: "2" };
    await printDocument(out, "ndjson", page, { records: page.users });
    assert.equal(out.out.join(""), '{"name":"@a:x"}\n{"name":"@b:x"}\n');
    for (const format of ["ndjson", "csv", "tsv"] as const) {
      const empty = target();
      await printDocument(empty, format, { users: [], total: 0 }, { records: [] });
      assert.equal(empty.out.join(""), "", format);
    }
    const details = target();
    await printDocument(details, "tsv", { name: "@a:x", admin: false });
    assert.equal(details.out.join(""), "name\tadmin\n@a:x\tfalse\n");
  });
});

describe("streamed lists", () => {
  // Items that arrive one at a time: the second only once the test says so.
  function gated(): { items: AsyncIterable<unknown>; release: () => void; firstTaken: Promise<void> } {
    let release!: () => void;
    let taken!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const firstTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    async function* items() {
      yield { name: "@a:x", displayname: "A" };
      taken();
      await gate;
      yield { name: "@b:x", displayname: "B\tb" };
    }
    return { items: items(), release, firstTaken };
  }

  for (const [format, first, all] of [
    [
      "ndjson",
      '{"name":"@a:x","displayname":"A"}\n',
      '{"name":"@a:x","displayname":"A"}\n{"name":"@b:x","displayname":"B\\tb"}\n',
    ],
    ["csv", "name,displayname\n@a:x,A\n", "name,displayname\n@a:x,A\n@b:x,B\\tb\n"],
    ["tsv", "name\tdisplayname\n@a:x\tA\n", "name\tdisplayname\n@a:x\tA\n@b:x\tB\\tb\n"],
  ] as const) {
    it(`${format} writes each item before the next one has arrived, and no envelope`, async () => {
      const out = target();
      const { items, release, firstTaken } = gated();
      const printing = printStreamedList(out, format, "users", items, { total: 2 });
      await firstTaken;
      assert.equal(out.out.join(""), first);
      release();
      await printing;
      assert.equal(out.out.join(""), all);
      assert.deepEqual(out.err, []);
    });
  }

  it("fits a human table of streamed items to the terminal", async () => {
    const out = target({ tty: true, columns: 30, env: { NO_COLOR: "1" } });
    async function* items() {
      yield { name: "@a:x", displayname: "x".repeat(60) };
    }
    await printStreamedList(out, "human", "users", items(), { total: 1 });
    const text = out.out.join("");
    for (const line of text.trimEnd().split("\n")) assert.ok(displayWidth(line) <= 30, line);
    assert.match(text, /x…\n$/);
  });
});

describe("display width and truncation", () => {
  it("measures CJK and emoji as two columns, joiners and marks as none", () => {
    assert.equal(displayWidth("测试"), 4);
    assert.equal(displayWidth("한국어"), 6);
    assert.equal(displayWidth("👨‍👩‍👧"), 2);
    assert.equal(displayWidth("🇩🇪"), 2);
    assert.equal(displayWidth("e\u0301"), 1);
    assert.equal(displayWidth("ＡＢ"), 4);
  });

  it("cuts whole graphemes and ends with an ellipsis", () => {
    assert.equal(truncateToWidth("short", 5), "short");
    assert.equal(truncateToWidth("abcdef", 5), "abcd…");
    assert.equal(truncateToWidth("测试测试", 5), "测试…");
    assert.equal(truncateToWidth("测试测试", 6), "测试…");
    assert.equal(truncateToWidth("a👨‍👩‍👧b", 3), "a…");
    assert.equal(truncateToWidth("a👨‍👩‍👧b", 4), "a👨‍👩‍👧b");
    assert.equal(truncateToWidth("a👨‍👩‍👧bc", 4), "a👨‍👩‍👧…");
    assert.equal(truncateToWidth("abc", 0), "");
  });

  it("narrows the widest columns first, down to a common cap", () => {
    assert.deepEqual(fitWidths([10, 40, 30], 100), [10, 40, 30]);
    assert.deepEqual(fitWidths([10, 40, 30], 60), [10, 25, 25]);
    assert.deepEqual(fitWidths([10, 40, 30], 61), [10, 26, 25]);
    assert.deepEqual(fitWidths([6, 6], 5), [4, 4]);
  });

  it("fits a table with CJK and emoji names to the width, every line at most that wide", () => {
    const rows = [
      [
        "@zoe:synadm.test",
        "Zoë 🐱 测试测试测试测试测试",
        "mxc://synadm.test/abcdefghijklmnopqrstuvwxyz",
        "1",
      ],
      ["@li:synadm.test", "李小龍 👨‍👩‍👧 家族", "", "12"],
    ];
    const headers = ["name", "displayname", "avatar_url", "n"];
    const align = ["left", "left", "left", "right"] as const;
    const whole = renderTable(headers, rows, align);
    assert.ok(!whole.includes("…"));
    for (const width of [80, 60, 45]) {
      const fitted = renderTable(headers, rows, align, { maxWidth: width });
      const fittedLines = fitted.split("\n");
      assert.equal(fittedLines.length, 4);
      for (const line of fittedLines) assert.ok(displayWidth(line) <= width, `${width}: ${line}`);
      assert.match(fitted, /…/);
      // Narrow columns stay whole while there is room for them.
      if (width >= 60) assert.match(fittedLines[2]!, /^@zoe:synadm\.test +/);
      assert.match(fittedLines[3]!, / 12$/);
    }
    assert.equal(renderTable(headers, rows, align, { maxWidth: 200 }), whole);
  });

  it("cuts each line of a multi-line cell rather than wrapping it", () => {
    assert.equal(
      renderTable(["room", "power_levels"], [["!r:x", "@alice:example.org 100\n@b:x 50"]], [], {
        maxWidth: 22,
      }),
      lines("room  power_levels", "----  ----------------", "!r:x  @alice:example.…", "      @b:x 50"),
    );
  });

  it("lets headers give way before the cells they head", () => {
    const headers = ["name", "shadow_banned", "deactivated", "displayname"];
    const rows = [["@a:x", "False", "True", "Ann Annson"]];
    // Padding and header text go first...
    assert.equal(
      renderTable(headers, rows, [], { maxWidth: 34 }),
      lines(
        "name  shadow…  deacti…  displayna…",
        "----  -------  -------  ----------",
        "@a:x  False    True     Ann Annson",
      ),
    );
    // ...then the widest cells.
    assert.equal(
      renderTable(headers, rows, [], { maxWidth: 28 }),
      lines("name  shad…  dea…  displayn…", "----  -----  ----  ---------", "@a:x  False  True  Ann Anns…"),
    );
  });
});

describe("human on a terminal", () => {
  const page = { users: [{ name: "@a:x", displayname: null, creation_ts: 1700000000000 }], total: 1 };

  before(() => {
    process.env["TZ"] = "Asia/Tokyo";
  });
  after(() => {
    delete process.env["TZ"];
  });

  it("colours only a terminal: bold header and dim rule", async () => {
    const tty = target({ tty: true, columns: 100 });
    await printDocument(tty, "human", page, { records: page.users });
    const text = tty.out.join("");
    assert.ok(text.startsWith(`${ESC}1mname`), JSON.stringify(text));
    assert.match(text, /\n\u001b\[2m-+ /);
    const piped = target();
    await printDocument(piped, "human", page, { records: page.users });
    assert.ok(!piped.out.join("").includes(ESC));
  });

  it("never colours with NO_COLOR set to anything, nor on a dumb terminal", async () => {
    for (const env of [{ NO_COLOR: "1" }, { NO_COLOR: "yes" }, { TERM: "dumb" }]) {
      const out = target({ tty: true, columns: 100, env });
      await printDocument(out, "human", page, { records: page.users });
      assert.ok(!out.out.join("").includes(ESC), JSON.stringify(env));
    }
    // An empty NO_COLOR does not count (no-color.org).
    assert.equal(tableLayout(target({ tty: true, env: { NO_COLOR: "" } })).color, true);
    assert.deepEqual(tableLayout(target({ columns: 80 })), {});
    assert.deepEqual(tableLayout(target({ tty: true, columns: 80 })), { maxWidth: 80, color: true });
  });

  it("never colours or reformats the machine formats", async () => {
    for (const format of ["json", "minified", "yaml", "ndjson", "csv", "tsv"] as const) {
      const out = target({ tty: true, columns: 20 });
      await printDocument(out, format, page, { records: page.users });
      const text = out.out.join("");
      assert.ok(!text.includes(ESC), format);
      assert.match(text, /1700000000000/, format);
    }
  });

  it("shows epoch times as local dates (TZ), seconds and milliseconds alike", () => {
    assert.equal(
      formatHuman(humanTimes({ creation_ts: 1700000000, last_seen_ts: 1700000000000, retry_last_ts: 0 })),
      lines("creation_ts    2023-11-15 07:13:20", "last_seen_ts   2023-11-15 07:13:20", "retry_last_ts  0"),
    );
    assert.deepEqual(
      humanTimes([{ expiry_time: 1700000000000, timestamp_ms: 1700000001000, uses: 1700000000000, ok: "x" }]),
      [
        {
          expiry_time: "2023-11-15 07:13:20",
          timestamp_ms: "2023-11-15 07:13:21",
          uses: 1700000000000,
          ok: "x",
        },
      ],
    );
    // Nested values are shown as JSON and left alone; text is already a date.
    const nested = { connections: [{ last_seen: 1700000000000 }], created_ts: "2023-11-15 07:13:20" };
    assert.deepEqual(humanTimes(nested), nested);
    assert.equal(epochMilliseconds(1700000000), 1700000000000);
    assert.ok(
      isTimestampField("last_seen_ts") && isTimestampField("expiry_time") && !isTimestampField("ts_count"),
    );
  });

  it("prints dates in human, never in the machine formats", async () => {
    const human = target();
    await printDocument(human, "human", page, { records: page.users });
    assert.match(human.out.join(""), /2023-11-15 07:13:20/);
    const json = target();
    await printDocument(json, "json", page, { records: page.users });
    assert.match(json.out.join(""), /"creation_ts": 1700000000000/);
  });
});

describe("the CLI with the record formats (fake server)", () => {
  const run = (argv: string[], script: Scripted[], config = "format: json\n") =>
    runInProcess(argv, { script, config: `base_url: https://hs.example.org\ntoken: syt_secret\n${config}` });
  const users = [userSummary({ name: "@a:x", admin: true }), userSummary({ name: "@b:x", admin: false })];
  const pages: Scripted[] = [
    { json: { users: [users[0]], total: 2, next_token: "1" } },
    { json: { users: [users[1]], total: 2 } },
  ];
  // The rows as the delimited formats write these users (null as an empty cell).
  const delimited = (separator: string, records = users): string =>
    [
      Object.keys(records[0]!),
      ...records.map((user) => Object.values(user).map((v) => (v === null ? "" : String(v)))),
    ]
      .map((row) => `${row.join(separator)}\n`)
      .join("");

  it("user list --all -o csv streams every page as rows", async () => {
    const result = await run(["-o", "csv", "user", "list", "--all", "-l", "1"], [...pages]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, delimited(","));
  });

  it("takes the format from the config file, and -o over it", async () => {
    const fromConfig = await run(["user", "list", "--all"], [...pages], "format: ndjson\n");
    assert.equal(fromConfig.stdout, users.map((user) => `${JSON.stringify(user)}\n`).join(""));
    const overridden = await run(["-o", "tsv", "user", "list", "--all"], [...pages], "format: ndjson\n");
    assert.equal(overridden.stdout, delimited("\t"));
    const page = await run(["user", "list"], [pages[0]!], "format: tsv\n");
    assert.equal(page.stdout, delimited("\t", [users[0]!]));
    assert.match(page.stderr, /More users/);
  });

  it("refuses a one-letter form of the newer formats and an unknown config format", async () => {
    for (const letter of ["n", "c", "t"]) {
      const result = await run(["-o", letter, "version"], []);
      assert.equal(result.code, 2, letter);
      assert.match(result.stderr, /ndjson, csv, tsv/);
    }
    const bad = await run(["version"], [], "format: xml\n");
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /format/);
  });
});
