/** One `key: value` line of a configuration file. */
export interface FlatEntry {
  readonly key: string;
  readonly value: string | number | boolean | null;
  readonly line: number;
}

const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]+(.*?))?[ \t]*$/;
// Plain words YAML reads as strings whatever the schema: no spaces, no indicator first, not number-like.
const PLAIN_STRING = /^[A-Za-z_/][A-Za-z0-9_./:@+=%-]*$/;
const YAML_KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function flatValue(text: string | undefined): FlatEntry["value"] | undefined {
  if (text === undefined || text === "" || text === "~" || text === "null") return null;
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^(?:0|-?[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  if (/^"[^"\\]*"$/.test(text) || /^'[^']*'$/.test(text)) return text.slice(1, -1);
  if (PLAIN_STRING.test(text) && !YAML_KEYWORD.test(text)) return text;
  return undefined;
}

/**
 * Reads a configuration file that is only `key: value` lines (what synadm and
 * this tool write) without loading a YAML parser, which would cost every
 * command a noticeable part of its startup. Returns `undefined` for anything
 * else (nesting, flow style, multi-line or unusual scalars, comments after a
 * value), which the full parser then reads, so both always agree.
 */
export function readFlatMapping(text: string): FlatEntry[] | undefined {
  const entries: FlatEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
    const match = KEY_VALUE.exec(line);
    if (!match) return undefined;
    const value = flatValue(match[2]);
    if (value === undefined) return undefined;
    entries.push({ key: match[1]!, value, line: index + 1 });
  }
  return entries;
}
