// Every request a resource makes is checked against a schema of its answer:
// each call of the verb helpers (`this.GET(...)`, `POST`, `PUT`, `DELETE`)
// names one, and so does each paged list built from a query (one built from
// `fetchPage` calls a method whose own request is checked here).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

const RESOURCES = new URL("../../../src/api/resources/", import.meta.url).pathname;

interface Call {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The argument text of each `this.<name>(` call in `source`, up to its closing parenthesis. */
function calls(file: string, source: string, names: readonly string[]): Call[] {
  const found: Call[] = [];
  const pattern = new RegExp(`this\\.(${names.join("|")})(<[^(]*>)?\\(`, "g");
  for (const match of source.matchAll(pattern)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < source.length) {
      const char = source[end++];
      if (char === "(") depth++;
      else if (char === ")") depth--;
    }
    found.push({
      file,
      line: source.slice(0, match.index).split("\n").length,
      text: source.slice(match.index, end),
    });
  }
  return found;
}

/** Resource files checking an answer with `looseObject`, whose output type admits any field. */
function looseFiles(): string[] {
  return readdirSync(RESOURCES)
    .filter((name) => name.endsWith(".ts"))
    .filter((name) => /\blooseObject\b/.test(readFileSync(join(RESOURCES, name), "utf8")));
}

function requests(): Call[] {
  return readdirSync(RESOURCES)
    .filter((name) => name.endsWith(".ts") && name !== "resource.ts")
    .flatMap((name) => {
      const source = readFileSync(join(RESOURCES, name), "utf8");
      const verbs = calls(name, source, ["GET", "POST", "PUT", "DELETE"]);
      const lists = calls(name, source, ["pagedGet"]).filter((call) => /\bquery:/.test(call.text));
      return [...verbs, ...lists];
    });
}

describe("response schemas", () => {
  it("every request of every resource names the schema its answer is checked against", () => {
    const all = requests();
    assert.ok(all.length >= 100, `found ${all.length} requests`);
    const unchecked = all.filter((call) => !/\bschema\b/.test(call.text));
    assert.deepEqual(
      unchecked.map((call) => `${call.file}:${call.line}`),
      [],
      "requests without a schema",
    );
  });

  it("answers are checked against exact objects, not loose ones that pass anything", () => {
    assert.deepEqual(looseFiles(), []);
  });
});
