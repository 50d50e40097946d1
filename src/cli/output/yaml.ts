import type { ScalarTag, Tags } from "yaml";
import { compareCodePoints } from "./code-point-order.ts";

// PyYAML ends a document whose root is a plain scalar with "...".
const QUOTED_OR_BLOCK = /^['"|>]/;
const BOOL_TAG = "tag:yaml.org,2002:bool";
// YAML 1.1 as PyYAML resolves it: unlike the yaml package, it does not read
// a lone y or n as a boolean, so it leaves them unquoted.
const TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;

function isBoolTag(tag: Tags[number]): tag is ScalarTag {
  return typeof tag === "object" && tag.tag === BOOL_TAG && tag.test !== undefined;
}

function withPyYamlBooleans(tag: Tags[number]): Tags[number] {
  return isBoolTag(tag) ? { ...tag, test: tag.identify?.(true) ? TRUE : FALSE } : tag;
}

/**
 * Formats a JSON value like PyYAML's `yaml.dump(value)`: block style, keys
 * sorted, sequences not indented under their key, strings quoted (in single
 * quotes) only when YAML 1.1 or 1.2 would read them as something else.
 *
 * Unlike PyYAML, non-ASCII text is written as is rather than as escapes,
 * long strings are not folded, and multi-line strings use block literals.
 */
export async function formatYaml(value: unknown): Promise<string> {
  const { isScalar, stringify } = await import("yaml");
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
