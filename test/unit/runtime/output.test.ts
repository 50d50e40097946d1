// Expected texts come from Python 3.11's json, pprint, PyYAML 6 and tabulate
// 0.10 run on the same data, except where a test says the port deviates.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatOutput, OUTPUT_FORMATS, parseOutputFormat } from "../../../src/cli/runtime/output/format.ts";
import { formatHuman, renderTable } from "../../../src/cli/runtime/output/human.ts";
import { formatJson, formatMinified } from "../../../src/cli/runtime/output/json.ts";
import { formatPprint } from "../../../src/cli/runtime/output/pprint.ts";
import { displayWidth } from "../../../src/cli/runtime/output/width.ts";
import { formatYaml } from "../../../src/cli/runtime/output/yaml.ts";

const lines = (...parts: string[]): string => parts.join("\n");

const user = {
  name: "@admin:synadm.test",
  displayname: "admin",
  threepids: [],
  avatar_url: null,
  is_guest: false,
  admin: true,
  deactivated: false,
  creation_ts: 1700000000000,
  appservice_id: null,
  external_ids: [],
  last_seen_ts: 1700000123456,
};

const userList = {
  users: [
    {
      name: "@admin:synadm.test",
      admin: 1,
      user_type: null,
      deactivated: 0,
      displayname: "admin",
      avatar_url: null,
      creation_ts: 1700000000,
      locked: false,
    },
    {
      name: "@zoe:synadm.test",
      admin: 0,
      user_type: null,
      deactivated: 0,
      displayname: "Zoë 🐱 测试",
      avatar_url: "mxc://synadm.test/abc",
      creation_ts: 1700000500,
      locked: false,
    },
  ],
  total: 2,
  next_token: "2",
};

const room = {
  room_id: "!abc:synadm.test",
  state: [{ type: "m.room.name", content: { name: 'It\'s a "room"' } }],
  topic: "A long topic that goes on and on, well beyond the eighty columns that pprint allows",
};

describe("formatJson and formatMinified", () => {
  it("indents by four spaces like json.dumps(indent=4)", () => {
    assert.equal(
      formatJson(user),
      lines(
        "{",
        '    "name": "@admin:synadm.test",',
        '    "displayname": "admin",',
        '    "threepids": [],',
        '    "avatar_url": null,',
        '    "is_guest": false,',
        '    "admin": true,',
        '    "deactivated": false,',
        '    "creation_ts": 1700000000000,',
        '    "appservice_id": null,',
        '    "external_ids": [],',
        '    "last_seen_ts": 1700000123456',
        "}",
      ),
    );
    assert.equal(
      formatJson({ rooms: [{ a: {} }], total: 0 }),
      lines(
        "{",
        '    "rooms": [',
        "        {",
        '            "a": {}',
        "        }",
        "    ],",
        '    "total": 0',
        "}",
      ),
    );
  });

  it("escapes non-ASCII text as ensure_ascii does", () => {
    assert.equal(formatJson({ a: "é" }), '{\n    "a": "\\u00e9"\n}');
    assert.equal(formatMinified("Zoë 🐱 测试"), '"Zo\\u00eb \\ud83d\\udc31 \\u6d4b\\u8bd5"');
    assert.equal(
      formatMinified({ "ключ\u007f": "\u0001\n" }),
      '{"\\u043a\\u043b\\u044e\\u0447\\u007f":"\\u0001\\n"}',
    );
  });

  it("minifies with no spaces at all", () => {
    assert.equal(
      formatMinified(userList),
      '{"users":[{"name":"@admin:synadm.test","admin":1,"user_type":null,"deactivated":0,' +
        '"displayname":"admin","avatar_url":null,"creation_ts":1700000000,"locked":false},' +
        '{"name":"@zoe:synadm.test","admin":0,"user_type":null,"deactivated":0,' +
        '"displayname":"Zo\\u00eb \\ud83d\\udc31 \\u6d4b\\u8bd5","avatar_url":"mxc://synadm.test/abc",' +
        '"creation_ts":1700000500,"locked":false}],"total":2,"next_token":"2"}',
    );
  });

  it("prints roots, empty containers and floats as Python does", () => {
    assert.equal(formatJson("hello"), '"hello"');
    assert.equal(formatJson([]), "[]");
    assert.equal(formatJson({}), "{}");
    assert.equal(formatJson(null), "null");
    assert.equal(formatMinified([0.5, 1e-5, 1.5e-7, 123.25, -3]), "[0.5,1e-05,1.5e-07,123.25,-3]");
  });
});

describe("formatYaml", () => {
  const roundTrips = async (value: unknown): Promise<string> => {
    const text = formatYaml(value);
    assert.deepEqual((await import("yaml")).parse(text), value);
    return text;
  };

  it("dumps an object in block style with sorted keys", async () => {
    assert.equal(
      await roundTrips(user),
      lines(
        "admin: true",
        "appservice_id: null",
        "avatar_url: null",
        "creation_ts: 1700000000000",
        "deactivated: false",
        "displayname: admin",
        "external_ids: []",
        "is_guest: false",
        "last_seen_ts: 1700000123456",
        "name: '@admin:synadm.test'",
        "threepids: []",
        "",
      ),
    );
  });

  it("puts list items at their key's indent, keeping non-ASCII text readable", async () => {
    // PyYAML would print the display name as "Zo\xEB \U0001F431 \u6D4B\u8BD5".
    assert.equal(
      await roundTrips(userList),
      lines(
        "next_token: '2'",
        "total: 2",
        "users:",
        "- admin: 1",
        "  avatar_url: null",
        "  creation_ts: 1700000000",
        "  deactivated: 0",
        "  displayname: admin",
        "  locked: false",
        "  name: '@admin:synadm.test'",
        "  user_type: null",
        "- admin: 0",
        "  avatar_url: mxc://synadm.test/abc",
        "  creation_ts: 1700000500",
        "  deactivated: 0",
        "  displayname: Zoë 🐱 测试",
        "  locked: false",
        "  name: '@zoe:synadm.test'",
        "  user_type: null",
        "",
      ),
    );
    assert.equal(
      await roundTrips({ a: [[1, 2], []], b: { c: {}, d: [{ e: null }] } }),
      lines("a:", "- - 1", "  - 2", "- []", "b:", "  c: {}", "  d:", "  - e: null", ""),
    );
  });

  it("quotes strings only where YAML would read something else", async () => {
    // PyYAML leaves 0o17 plain (YAML 1.1 octals are 017); YAML 1.2 readers would see a number.
    assert.equal(
      await roundTrips({
        at: "@x",
        bool: "true",
        date: "2024-01-01",
        empty: "",
        int: "123",
        null: "null",
        octal: "0o17",
        plain: "1.160.0",
        y: "n",
        yes: "no",
      }),
      lines(
        "at: '@x'",
        "bool: 'true'",
        "date: '2024-01-01'",
        "empty: ''",
        "int: '123'",
        "'null': 'null'",
        "octal: '0o17'",
        "plain: 1.160.0",
        "y: n",
        "'yes': 'no'",
        "",
      ),
    );
  });

  it("ends a plain scalar root with a document end marker", async () => {
    assert.equal(await roundTrips("hello"), "hello\n...\n");
    assert.equal(await roundTrips(42), "42\n...\n");
    assert.equal(await roundTrips(null), "null\n...\n");
    assert.equal(await roundTrips("123"), "'123'\n");
    assert.equal(await roundTrips([]), "[]\n");
    assert.equal(await roundTrips({}), "{}\n");
  });

  it("keeps multi-line and long strings intact", async () => {
    // PyYAML folds at 80 columns and quotes multi-line strings; both read back the same.
    assert.equal(await roundTrips({ topic: room.topic }), `topic: ${room.topic}\n`);
    assert.equal(await roundTrips({ text: "a\nb" }), "text: |-\n  a\n  b\n");
  });
});

describe("formatPprint", () => {
  it("keeps a short value on one line", () => {
    assert.equal(formatPprint({ b: [1, 2], a: "x", c: null }), "{'a': 'x', 'b': [1, 2], 'c': None}");
    assert.equal(formatPprint([]), "[]");
    assert.equal(formatPprint("hello"), "'hello'");
    assert.equal(formatPprint(true), "True");
  });

  it("breaks a long dict one item per line", () => {
    assert.equal(
      formatPprint(user),
      lines(
        "{'admin': True,",
        " 'appservice_id': None,",
        " 'avatar_url': None,",
        " 'creation_ts': 1700000000000,",
        " 'deactivated': False,",
        " 'displayname': 'admin',",
        " 'external_ids': [],",
        " 'is_guest': False,",
        " 'last_seen_ts': 1700000123456,",
        " 'name': '@admin:synadm.test',",
        " 'threepids': []}",
      ),
    );
  });

  it("indents nested containers under their opening bracket", () => {
    assert.equal(
      formatPprint(userList),
      lines(
        "{'next_token': '2',",
        " 'total': 2,",
        " 'users': [{'admin': 1,",
        "            'avatar_url': None,",
        "            'creation_ts': 1700000000,",
        "            'deactivated': 0,",
        "            'displayname': 'admin',",
        "            'locked': False,",
        "            'name': '@admin:synadm.test',",
        "            'user_type': None},",
        "           {'admin': 0,",
        "            'avatar_url': 'mxc://synadm.test/abc',",
        "            'creation_ts': 1700000500,",
        "            'deactivated': 0,",
        "            'displayname': 'Zoë 🐱 测试',",
        "            'locked': False,",
        "            'name': '@zoe:synadm.test',",
        "            'user_type': None}]}",
      ),
    );
  });

  it("splits long strings into adjacent literals", () => {
    assert.equal(
      formatPprint(room),
      lines(
        "{'room_id': '!abc:synadm.test',",
        " 'state': [{'content': {'name': 'It\\'s a \"room\"'}, 'type': 'm.room.name'}],",
        " 'topic': 'A long topic that goes on and on, well beyond the eighty columns '",
        "          'that pprint allows'}",
      ),
    );
    assert.equal(
      formatPprint("The quick brown fox jumps over the lazy dog, then the quick brown fox does it again"),
      lines("('The quick brown fox jumps over the lazy dog, then the quick brown fox does '", " 'it again')"),
    );
  });

  it("writes strings and numbers as Python's repr does", () => {
    assert.equal(
      formatPprint({
        a: "it's",
        b: 'say "hi"',
        c: "both ' and \"",
        d: "tab\tline\nback\\slash",
        e: "\u0007\u200b\u00a0",
        f: "Zoë 🐱 测试",
        g: 1e-5,
        h: 0.5,
      }),
      lines(
        "{'a': \"it's\",",
        " 'b': 'say \"hi\"',",
        " 'c': 'both \\' and \"',",
        " 'd': 'tab\\tline\\nback\\\\slash',",
        " 'e': '\\x07\\u200b\\xa0',",
        " 'f': 'Zoë 🐱 测试',",
        " 'g': 1e-05,",
        " 'h': 0.5}",
      ),
    );
  });
});

describe("displayWidth", () => {
  it("counts terminal columns", () => {
    assert.equal(displayWidth("admin"), 5);
    assert.equal(displayWidth("Zoë 🐱 测试"), 11);
    assert.equal(displayWidth("e\u0301"), 1);
    assert.equal(displayWidth("👩‍👩‍👧"), 2);
    assert.equal(displayWidth("🇩🇪"), 2);
    assert.equal(displayWidth("ｆｕｌｌ한글"), 12);
    assert.equal(displayWidth("©"), 1);
    assert.equal(displayWidth("\u001b[1mbold\u001b[0m"), 4);
  });
});

describe("formatHuman", () => {
  it("prints an object as a key/value table", () => {
    assert.equal(formatHuman({ server_version: "1.160.0" }), "server_version  1.160.0");
    assert.equal(
      formatHuman(user),
      lines(
        "name           @admin:synadm.test",
        "displayname    admin",
        "threepids      []",
        "avatar_url",
        "is_guest       False",
        "admin          True",
        "deactivated    False",
        "creation_ts    1700000000000",
        "appservice_id",
        "external_ids   []",
        "last_seen_ts   1700000123456",
      ),
    );
    assert.equal(formatHuman({ a: 1.5, bbb: 100, c: null }), lines("a      1.5", "bbb  100", "c"));
  });

  it("prints a list of objects as a table, numbers to the right", () => {
    assert.equal(
      formatHuman(userList.users),
      lines(
        "name                  admin  user_type      deactivated  displayname    avatar_url               creation_ts  locked",
        "------------------  -------  -----------  -------------  -------------  ---------------------  -------------  --------",
        "@admin:synadm.test        1                           0  admin                                    1700000000  False",
        "@zoe:synadm.test          0                           0  Zoë 🐱 测试    mxc://synadm.test/abc     1700000500  False",
      ),
    );
  });

  it("takes columns from every row and renders nested values as JSON", () => {
    assert.equal(
      formatHuman([
        { name: "@a:x", devices: ["A", "B"] },
        { name: "@b:x", extra: { k: 1 }, devices: [] },
      ]),
      lines(
        "name    devices    extra",
        "------  ---------  -------",
        '@a:x    ["A","B"]',
        '@b:x    []         {"k":1}',
      ),
    );
  });

  it("lines up decimal points in number columns, as tabulate does", () => {
    assert.equal(
      formatHuman([{ b: 2.5 }, { b: 10 }, { b: null }, { b: 0.25 }]),
      lines("    b", "-----", " 2.5", "10", "", " 0.25"),
    );
  });

  it("prints other lists one item per line and scalars as text", () => {
    assert.equal(
      formatHuman(["@a:x", 5, true, null, { k: "v" }]),
      lines("@a:x", "5", "True", "", '{"k":"v"}'),
    );
    assert.equal(formatHuman([]), "");
    assert.equal(formatHuman({}), "");
    assert.equal(formatHuman("hello"), "hello");
    assert.equal(formatHuman(null), "");
    assert.equal(formatHuman(false), "False");
  });
});

describe("renderTable", () => {
  it("pads by display width, spans multi-line cells and trims line ends", () => {
    assert.equal(
      renderTable(
        ["room", "n"],
        [
          ["测试", "3"],
          ["a\nbb", "12"],
        ],
        ["left", "right"],
      ),
      lines("room      n", "------  ---", "测试      3", "a        12", "bb"),
    );
    assert.equal(renderTable([], [["key", "value"], ["k"]]), lines("key  value", "k"));
    assert.equal(renderTable([], []), "");
  });
});

describe("output formats", () => {
  it("parses full names and one-letter abbreviations only", () => {
    assert.deepEqual(OUTPUT_FORMATS, ["yaml", "json", "minified", "human", "pprint", "ndjson", "csv", "tsv"]);
    for (const format of OUTPUT_FORMATS) assert.equal(parseOutputFormat(format), format);
    for (const format of OUTPUT_FORMATS.slice(0, 5)) assert.equal(parseOutputFormat(format[0]!), format);
    for (const text of ["", "js", "JSON", "x", "yml", "pp", "n", "c", "t", "nd", "CSV"])
      assert.equal(parseOutputFormat(text), undefined, text);
  });

  it("formats without a final newline", async () => {
    const value = { server_version: "1.160.0" };
    assert.equal(await formatOutput(value, "json"), '{\n    "server_version": "1.160.0"\n}');
    assert.equal(await formatOutput(value, "minified"), '{"server_version":"1.160.0"}');
    assert.equal(await formatOutput(value, "yaml"), "server_version: 1.160.0");
    assert.equal(await formatOutput(value, "pprint"), "{'server_version': '1.160.0'}");
    assert.equal(await formatOutput(value, "human"), "server_version  1.160.0");
    assert.equal(await formatOutput("hello", "yaml"), "hello\n...");
  });
});
