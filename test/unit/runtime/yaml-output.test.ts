// formatYaml replaced a configuration of the `yaml` package that was slow to
// load; these tests check that it still prints exactly what that package did.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isScalar, parse, type ScalarTag, stringify, type Tags } from "yaml";
import { compareCodePoints } from "../../../src/cli/runtime/output/code-point-order.ts";
import { formatYaml } from "../../../src/cli/runtime/output/yaml.ts";

// The former implementation of formatYaml, kept verbatim as the oracle.
const QUOTED_OR_BLOCK = /^['"|>]/;
const BOOL_TAG = "tag:yaml.org,2002:bool";
const TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;

function isBoolTag(tag: Tags[number]): tag is ScalarTag {
  return typeof tag === "object" && tag.tag === BOOL_TAG && tag.test !== undefined;
}

function withPyYamlBooleans(tag: Tags[number]): Tags[number] {
  return isBoolTag(tag) ? { ...tag, test: tag.identify?.(true) ? TRUE : FALSE } : tag;
}

function oracle(value: unknown): string {
  const keyText = (key: unknown): string => String(isScalar(key) ? key.value : key);
  const text = stringify(value ?? null, {
    version: "1.1",
    customTags: (tags) => tags.map(withPyYamlBooleans),
    compat: "core",
    sortMapEntries: (a, b) => compareCodePoints(keyText(a.key), keyText(b.key)),
    indentSeq: false,
    lineWidth: 0,
    singleQuote: true,
    aliasDuplicateObjects: false,
  });
  const scalarRoot = typeof value !== "object" || value === null;
  return scalarRoot && !QUOTED_OR_BLOCK.test(text) ? `${text}...\n` : text;
}

// Printed raw by the yaml package, escaped by formatYaml since PyYAML reads some
// as line breaks (tested on their own below, and against PyYAML in the integration tests).
const ESCAPED_SINCE = /[\x7f-\x9f\u2028\u2029\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ESCAPED_CHARS = ["\x7f", "\x80", "\x85", "\x9f", "\u2028", "\u2029", "\ufeff", "\u061c", "\u200e"];
ESCAPED_CHARS.push("\u200f", "\u202a", "\u202e", "\u2066", "\u2069");

// Where formatYaml left the yaml package to print what PyYAML reads back as
// the same value: tabs never plain, root blocks indented, blank-only blocks
// quoted, a line-leading space before a break escaped once.
const DEVIATES = /\t|^[\n ]*\n[\n ]*$|\n \n/u;

function deviates(input: unknown, root = true): boolean {
  if (typeof input === "string") {
    return ESCAPED_SINCE.test(input) || DEVIATES.test(input) || (root && input.includes("\n"));
  }
  if (typeof input !== "object" || input === null) return false;
  return Object.entries(input).some(([key, value]) => deviates(key, false) || deviates(value, false));
}

/** Asserts that formatYaml matches the oracle on every value; returns how many it compared. */
function assertSame(values: Iterable<unknown>): number {
  let count = 0;
  for (const input of values) {
    if (deviates(input)) continue;
    const output = formatYaml(input);
    const expected = oracle(input);
    if (output !== expected) assert.deepEqual({ input, output }, { input, output: expected });
    count++;
  }
  return count;
}

/** Puts a string everywhere a scalar can go: root, keys and values at several depths. */
function* placements(text: string): Generator<unknown> {
  yield text;
  yield [text];
  yield [[text], [text, 1]];
  yield { [text]: text };
  yield { k: text, [text]: null };
  yield { k: [text] };
  yield { k: { [text]: text } };
  yield [{ [text]: [text], z: text }];
  yield { a: [{ b: { [text]: [[text]] } }] };
}

/** Every upper/lower-case spelling of a word. */
function casings(word: string): string[] {
  let spellings = [""];
  for (const char of word) {
    const variants = new Set([char.toLowerCase(), char.toUpperCase()]);
    spellings = spellings.flatMap((prefix) => [...variants].map((variant) => prefix + variant));
  }
  return spellings;
}

const SPECIAL_WORDS = [
  "null",
  "~",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  ".inf",
  "-.inf",
  "+.inf",
  ".nan",
  "-.nan",
  "inf",
  "nan",
  "<<",
  "=",
  "none",
];

const TRICKY = [
  "",
  " ",
  "  ",
  "\t",
  "1",
  "-1",
  "+1",
  "1.0",
  "1.",
  ".",
  "-.",
  "+",
  ".5",
  "-.5",
  "1e3",
  "1E3",
  "1e+3",
  "-1.5e-3",
  "1.e3",
  ".e3",
  "e3",
  "0x1F",
  "0x1f",
  "0X1F",
  "0xG",
  "0o7",
  "0o8",
  "-0o7",
  "0b101",
  "0b2",
  "012",
  "019",
  "0",
  "00",
  "-0",
  "1_000",
  "1_000.5",
  "_1",
  "1__",
  "12:30",
  "12:30:45",
  "1:5",
  "12:3",
  "1:2:3.5",
  "1:60",
  "-1:30",
  "12:30.5",
  "190:20:30.15",
  "12:3a",
  "2024-01-01",
  "2024-1-1",
  "2024-01-01T00:00:00Z",
  "2024-01-01t00:00:00",
  "2024-01-01 00:00:00.123 +01:00",
  "2024-01-01  1:2:3-5",
  "2024-01-01T00:00",
  "20240101",
  "1.160.0",
  "v1.2.3",
  "-",
  "--",
  "---",
  "--- x",
  "---x",
  "...",
  "....",
  "... x",
  "%YAML",
  "%",
  "- x",
  "-x",
  "?",
  "? x",
  "?x",
  ":",
  ": x",
  ":x",
  "a:",
  "a: b",
  "a:b",
  "a :b",
  "a #b",
  "a#b",
  "a\t#b",
  "#x",
  "@x",
  "`x",
  "!x",
  "&x",
  "*x",
  "%x",
  "|",
  "|x",
  ">",
  ">x",
  ",x",
  "x,",
  "[x]",
  "x[",
  "{x}",
  "x}",
  "'",
  "''",
  "'x'",
  "it's",
  '"',
  '"x"',
  'say "hi"',
  `it's "both"`,
  "\\",
  "a\\nb",
  "C:\\path\\to",
  " x",
  "x ",
  " x ",
  "\tx",
  "x\t",
  "a\tb",
  "a  b",
  "\n",
  "\n\n",
  "\n\n\n",
  "a\n",
  "a\n\n",
  "a\n\n\n",
  "\na",
  "\n\na",
  "a\nb",
  "a\n\nb",
  "a\nb\n",
  "a\nb\n\n",
  "a\n b",
  "a \nb",
  "a\n\tb",
  "a\t\nb",
  " a\nb",
  "  a\nb",
  " \na",
  "\n a",
  "\n  a\n b",
  "a\n ",
  "a\n\t",
  "a \n",
  "a\t\n",
  "a\n \n",
  "a\n\n \nb",
  " \n",
  "\n \n",
  "a\n---\nb",
  "a\n...",
  "a\n%x",
  "---\na",
  "a\n#b",
  "a\n- b",
  "a\n'b'",
  "a'\nb",
  'a"\nb',
  "a\n  b\n    c\n",
  "\r",
  "a\rb",
  "a\r\nb",
  "a\r\nb\r\n",
  "\u0000",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0080",
  "\u0085",
  "\u009f",
  "\u00a0",
  "a\u00a0",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufeffx",
  "\ud800",
  "x\udfff",
  "\ud83d\udc31",
  "é",
  "Zoë 🐱 测试",
  "测试",
  "测试: 值",
  "🐱 #",
  "\uE000",
  "@user:example.org",
  "!room:example.org",
  "#alias:example.org",
  "+group:example.org",
  "$event",
  "$event:example.org",
  "mxc://x/y",
  "https://example.org/a?b=c#d",
  "http://[::1]:8008/",
  "user@example.org",
  "key: value # comment",
  "word ".repeat(60),
  "x".repeat(500),
  "y".repeat(1030),
  `'${"z".repeat(1030)}`,
  "line\n".repeat(40),
  `${"long line with spaces ".repeat(5)}\n${" indented ".repeat(5)}\n`,
  `\u0001${"control and lines ".repeat(4)}\n\n\n${" spaced".repeat(6)} \n last \n`,
  `\u0001 ${"x".repeat(40)} \n \n b\r`,
  `---\u0001${"y".repeat(40)}\nz`,
  `it's ${"quoted ".repeat(8)}\n next`,
  `it's\t${"tabbed ".repeat(8)}\t\n\tnext\n`,
];

const SPECIAL = [...new Set(SPECIAL_WORDS.flatMap(casings))];

describe("formatYaml matches the yaml package it replaced", () => {
  it("on YAML 1.1 and 1.2 special words in all casings", () => {
    assert.ok(SPECIAL.length > 150);
    assert.ok(assertSame(SPECIAL.flatMap((word) => [...placements(word)])) > 1000);
  });

  it("on tricky strings, as keys and values at every depth", () => {
    const strings = [...TRICKY, ...TRICKY.map((text) => `${text}x`), ...TRICKY.map((text) => `x${text}`)];
    assert.ok(assertSame(strings.flatMap((text) => [...placements(text)])) > 3000);
  });

  it("on numbers, booleans and null", () => {
    const scalars = [
      ...[0, -0, 1, -1, 42, 1700000000000, 2 ** 53, -(2 ** 53), 1e21, -1e21, 1e300, 1.7976931348623157e308],
      ...[0.5, -0.5, 0.1 + 0.2, 5e-7, 1.5e-7, 1e-5, 123.25, 1 / 3, Number.MIN_VALUE, 5e-324],
      ...[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ...[true, false, null, undefined],
    ];
    const placed = scalars.flatMap((value) => [value, [value], { k: value }, [{ k: [value] }]]);
    assert.ok(assertSame(placed) > 100);
  });

  it("on nested structures", () => {
    assertSame([
      [],
      {},
      [[]],
      [{}],
      [[], {}, [[]], [{}], null],
      { a: [], b: {}, c: [[]], d: [{}], e: { f: [] }, g: null },
      [
        [1, 2],
        [3, [4, [5, []]]],
      ],
      [{ a: 1, b: [1, { c: [] }] }, { d: {} }],
      { a: [[1, 2], []], b: { c: {}, d: [{ e: null }] } },
      { users: [{ name: "@a:x", admin: true, threepids: [] }], total: 1, next_token: "1" },
      { z: 1, a: 2, Z: 3, _: 4, "": 5, "\uE000": 6, "\ud83d\udc31": 7, é: 8, "10": 9, "9": 10 },
      { ["k".repeat(1100)]: [1, { a: [] }], ["m".repeat(1100)]: { a: 1 }, ["n".repeat(1100)]: "a\nb" },
      { a: { b: { c: { d: { e: ["deep", { f: "deeper\n" }] } } } } },
      { skipped: undefined, kept: [undefined, 1] },
      undefined,
    ]);
  });

  it("around the lengths where quoting and keys change form", () => {
    const values: unknown[] = [];
    for (let n = 20; n <= 45; n++) {
      const a = "a".repeat(n);
      for (const text of [`\u0001${a}\nb`, `x\r${a}\n`, `it's ${a}\n c`, `\u0001${a} \n\n \nb`]) {
        values.push(...placements(text));
      }
    }
    for (let n = 1018; n <= 1028; n++) {
      const k = "k".repeat(n);
      for (const key of [k, `'${k}`, `${k}\n`, `\u0001${k}`, `${k}'"`])
        values.push({ [key]: [key] }, [{ [key]: {} }]);
    }
    assert.ok(assertSame(values) > 600);
  });

  it("on thousands of pseudo-random values", () => {
    const random = seededRandom(20240101);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const randomString = (): string => {
      const parts: string[] = [];
      const length = random() < 0.1 ? 40 + Math.floor(random() * 30) : Math.floor(random() * 7);
      for (let i = 0; i < length; i++) parts.push(random() < 0.25 ? pick(TOKENS) : pick(ALPHABET));
      return parts.join("");
    };
    const randomValue = (depth: number): unknown => {
      const roll = random();
      if (depth > 0 && roll < 0.2)
        return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth - 1));
      if (depth > 0 && roll < 0.4) {
        const size = Math.floor(random() * 4);
        return Object.fromEntries(
          Array.from({ length: size }, () => [randomString(), randomValue(depth - 1)]),
        );
      }
      if (roll < 0.45) return pick([null, true, false]);
      if (roll < 0.55)
        return pick([0, -0, 7, -3, 0.25, 1e21, 5e-7, 1700000000000, Math.round(random() * 1e6) / 100]);
      return randomString();
    };
    const values = Array.from({ length: 6000 }, (_, index) => randomValue(index % 5));
    assert.ok(assertSame(values) > 4000);
  });
});

const ALPHABET = [
  ..." \t\n\n\r:#-?'\"\\|>!&*%@`,[]{}.019eExbo_+~ynaZT",
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\ufeff",
  "\ud800",
  "é",
  "测",
  "🐱",
];

const TOKENS = [
  "---",
  "...",
  ": ",
  " #",
  "- ",
  "? ",
  "\n ",
  " \n",
  "\n\n",
  "null",
  "true",
  "Yes",
  "off",
  "~",
  "<<",
  "2024-01-01",
  "12:30",
  "0x1F",
  "0o7",
  "1e3",
  ".inf",
  "@user:example.org",
  "mxc://x/y",
];

/** mulberry32: a small, seeded generator so that failures can be reproduced. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("formatYaml escapes what YAML parsers read as line breaks or reorder", () => {
  it("spells them as PyYAML does", () => {
    assert.equal(formatYaml("a\u2028b"), '"a\\Lb"\n');
    assert.equal(formatYaml("a\u2029b"), '"a\\Pb"\n');
    assert.equal(formatYaml("a\x85b"), '"a\\Nb"\n');
    assert.equal(formatYaml("a\x7fb"), '"a\\x7Fb"\n');
    assert.equal(formatYaml("a\u202eb"), '"a\\u202Eb"\n');
    assert.equal(formatYaml({ "k\u2028": "v" }), '"k\\L": v\n');
  });

  it("reads back as the same value in YAML 1.1 and 1.2, at every place, with no raw character left", () => {
    const random = seededRandom(20261202);
    const chars = [...ESCAPED_CHARS, "a", " ", ":", "\n", "'", '"', "\\", "#", "-"];
    let count = 0;
    for (let i = 0; i < 400; i++) {
      let text = "";
      for (let j = 0; j < 1 + Math.floor(random() * 8); j++)
        text += chars[Math.floor(random() * chars.length)];
      for (const value of placements(text)) {
        const output = formatYaml(value);
        assert.doesNotMatch(output, ESCAPED_SINCE, JSON.stringify(output));
        for (const version of ["1.1", "1.2"] as const) assert.deepEqual(parse(output, { version }), value);
        count++;
      }
    }
    assert.ok(count > 3000);
  });
});
