import { compareCodePoints } from "./code-point-order.ts";

// This emitter reproduces, byte for byte, what the `yaml` package printed when
// configured to imitate PyYAML (YAML 1.1 with PyYAML's booleans, core-schema
// compat, lineWidth 0, single quotes, indentSeq false), except where PyYAML
// read that output as another value or not at all (tabs, line-break
// characters, root and blank-only blocks). Loading that package cost about
// 11 ms per run. test/unit/runtime/yaml-output.test.ts compares the two, so the quirks
// below are deliberate; test/integration/drop-in.test.ts reads it with PyYAML.

// Plain scalars that YAML 1.1 (with PyYAML's booleans, so a lone y or n stays
// a string) or YAML 1.2 would read as something other than a string.
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF)$/,
  // Integers, sexagesimals, floats, infinities; 0o octals are YAML 1.2 only.
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?|\.[0-9_]*|\.(?:inf|Inf|INF))$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^(?:0o[0-7]+|\.nan|\.NaN|\.NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];
// Indicators, ": ", " #", edge whitespace, and tabs (PyYAML's scanner rejects
// them in plain scalars), which a plain scalar cannot hold.
const NOT_PLAIN = /^[\n ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-] |\t|[\n:] | \n|[\n ]#|[\n :]$/;
// Control characters and lone surrogates can only be written as escapes. So
// are the characters YAML 1.1 parsers (PyYAML) take for line breaks (U+0085,
// U+2028, U+2029), the byte-order mark, and bidi controls, which would reorder
// what a terminal shows: a name must not read back as keys the server never sent.
const NEEDS_ESCAPES =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}\u2028\u2029\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// What JSON.stringify leaves as is among them.
const UNESCAPED_BY_JSON = /[\x7f-\x9f\u2028\u2029\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// PyYAML's spelling of them.
const NAMED_ESCAPES: Record<string, string> = { "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P" };
// A line starting like this would end the document (or start a directive).
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;
const SHORT_ESCAPES: Record<string, string> = { "0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e" };

/**
 * Formats a JSON value like PyYAML's `yaml.dump(value)`: block style, keys
 * sorted, sequences not indented under their key, strings quoted (in single
 * quotes) only when YAML 1.1 or 1.2 would read them as something else.
 *
 * Unlike PyYAML, non-ASCII text is written as is rather than as escapes,
 * long strings are not folded, and multi-line strings use block literals.
 */
export function formatYaml(value: unknown): string {
  const root = value ?? null;
  if (typeof root === "object" && root !== null) return `${node(root, "")}\n`;
  const text = scalar(root, "", false);
  // PyYAML ends a document whose root is a plain scalar with "...".
  return /^['"|>]/.test(text) ? `${text}\n` : `${text}\n...\n`;
}

function node(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return value.map((item) => `- ${node(item ?? null, `${indent}  `)}`).join(`\n${indent}`);
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    entries.sort(([a], [b]) => compareCodePoints(a, b));
    return entries.map(([key, item]) => pair(key, item, indent)).join(`\n${indent}`);
  }
  return scalar(value, indent, false);
}

function pair(key: string, value: unknown, indent: string): string {
  const inner = `${indent}  `;
  const keyText = scalar(key, inner, true);
  if (keyText.length > 1024) return `? ${keyText}\n${indent}: ${node(value, inner)}`;
  if (typeof value !== "object" || value === null) return `${keyText}: ${scalar(value, inner, false)}`;
  // A list sits at its key's indent; a non-empty collection starts on its own line.
  const valueIndent = Array.isArray(value) ? indent : inner;
  const text = node(value, valueIndent);
  return text === "[]" || text === "{}" ? `${keyText}: ${text}` : `${keyText}:\n${valueIndent}${text}`;
}

function scalar(value: unknown, indent: string, key: boolean): string {
  if (typeof value === "string") return string(value, indent, key);
  if (typeof value !== "number") return String(value);
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value < 0 ? "-.inf" : ".inf";
  return Object.is(value, -0) ? "-0" : JSON.stringify(value);
}

function string(text: string, indent: string, key: boolean): string {
  if (NEEDS_ESCAPES.test(text)) return doubleQuoted(text, indent, key);
  const multiLine = text.includes("\n");
  if (key && multiLine) return quoted(text, indent, key);
  if (NOT_PLAIN.test(text)) return multiLine ? literal(text, indent) : quoted(text, indent, key);
  if (multiLine) return literal(text, indent);
  if (DOCUMENT_MARKER.test(text)) {
    if (indent === "") return literal(text, "  ");
    // The yaml package quoted such keys only in the root mapping.
    if (key && indent === "  ") return quoted(text, indent, key);
  }
  // "<<" stays plain: the yaml package printed it as a merge key.
  return NOT_A_STRING.some((pattern) => pattern.test(text)) ? quoted(text, indent, key) : text;
}

function quoted(text: string, indent: string, key: boolean): string {
  const preferDouble = text.includes("'") && !text.includes('"');
  // Single quotes would fold line breaks.
  if (preferDouble || text.includes("\n")) {
    return doubleQuoted(text, indent, key);
  }
  return `'${text.replaceAll("'", "''")}'`;
}

// Ported from the yaml package's doubleQuotedString, oddities included (such
// as escaping a space before a line break as "\ "), to keep its exact output.
function doubleQuoted(text: string, indent: string, key: boolean): string {
  const json = JSON.stringify(text);
  const lineIndent = indent || (DOCUMENT_MARKER.test(text) ? "  " : "");
  let out = "";
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    if (json[i] === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      out += `${json.slice(start, i)}\\ `;
      start = ++i;
    }
    if (json[i] !== "\\") continue;
    if (json[i + 1] === "u") {
      // JSON.stringify escapes only C0 controls and lone surrogates this way.
      const code = json.slice(i + 2, i + 6);
      const escaped = SHORT_ESCAPES[code] ?? (code.startsWith("00") ? `\\x${code.slice(2)}` : `\\u${code}`);
      out += json.slice(start, i) + escaped;
      i += 5;
      start = i + 1;
    } else if (json[i + 1] === "n" && !key && json[i + 2] !== '"' && json.length >= 40) {
      // A long value breaks its line after each \n (written as a blank line).
      out += `${json.slice(start, i)}\n\n`;
      for (; json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"'; i += 2) out += "\n";
      // A space that starts the next line is escaped, once: by "\\ " if a break follows it.
      const escapedBelow = json[i + 3] === "\\" && json[i + 4] === "n";
      out += lineIndent + (json[i + 2] === " " && !escapedBelow ? "\\" : "");
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return (out + json.slice(start)).replace(UNESCAPED_BY_JSON, escapeAsPyYaml);
}

function escapeAsPyYaml(char: string): string {
  const code = char.charCodeAt(0).toString(16).toUpperCase();
  return NAMED_ESCAPES[char] ?? (code.length <= 2 ? `\\x${code}` : `\\u${code.padStart(4, "0")}`);
}

function literal(text: string, indent: string): string {
  // A block cannot end in a line of only blanks, nor be only blanks (PyYAML
  // then guesses the indentation from them and drops them).
  if (/\n[\t ]+$/.test(text) || /^[\n\t ]*$/.test(text)) return quoted(text, indent, false);
  // PyYAML cannot read a block at the root that is not indented.
  const pad = indent || "  ";
  let body = text.replace(/[\n\t ]+$/, "");
  let end = text.slice(body.length);
  const firstBreak = end.indexOf("\n");
  // Strip, clip or keep the final line breaks.
  const chomp = firstBreak < 0 ? "-" : body === "" || firstBreak !== end.length - 1 ? "+" : "";
  end = end.replace(/\n$/, "").replace(/\n+(?!\n|$)/g, `$&${pad}`);
  // Leading spaces need an explicit indentation indicator.
  const indicator = /^[ \n]* /.test(body) ? "2" : "";
  body = body.replace(/\n+/g, `$&${pad}`);
  return `|${indicator}${chomp}\n${pad}${body}${end}`;
}
