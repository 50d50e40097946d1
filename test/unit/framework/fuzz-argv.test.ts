import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rootGroup } from "../../../src/cli/commands/index.ts";
import {
  type AnyCommandSpec,
  type GroupSpec,
  namesOf,
  type OptionSpec,
} from "../../../src/cli/framework/spec.ts";
import { ExitCode } from "../../../src/cli/runtime/errors.ts";
import { globalOptions } from "../../../src/cli/runtime/options/global.ts";
import { runInProcess, unitHome } from "../../support/in-process.ts";

/** The answer to every request: a Matrix 404, so commands run through to their error handling. */
const NOT_FOUND = { status: 404, json: { errcode: "M_NOT_FOUND", error: "Not found" } };

function* paths(
  node: AnyCommandSpec | GroupSpec,
  prefix: string[] = [],
): Generator<{ path: string[]; options: string[] }> {
  if (node.kind === "group") {
    for (const child of node.commands) yield* paths(child, node === rootGroup ? [] : [...prefix, node.name]);
    return;
  }
  const options = (Object.values(node.options) as OptionSpec[]).flatMap((spec) => [
    ...namesOf(spec.flags),
    ...namesOf("off" in spec ? spec.off : ""),
  ]);
  yield { path: [...prefix, node.name], options };
}

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = [
  "",
  "-",
  "--",
  "x",
  "@",
  "@a",
  "@a:b",
  "!r:s",
  "#a:b",
  "$e",
  "mxc://s/i",
  "-1",
  "0",
  "99999999999999",
  "🐱",
  "a b",
  "--=",
  "-=",
  "{",
  "{}",
  "2024-13-45",
  "30d",
  "%",
  "\u0000",
];
const DEFINED_EXIT_CODES = new Set<number>(Object.values(ExitCode));

describe("random command lines", () => {
  it("never crash with a stack trace and always exit with a defined code", async () => {
    const commands = [...paths(rootGroup)];
    // -vv prints stack traces on purpose, so verbosity stays out of the mix.
    const globalNames = Object.entries(globalOptions)
      .filter(([key]) => key !== "verbose")
      .flatMap(([, spec]) => namesOf(spec.flags));
    const home = unitHome("base_url: http://fuzz.invalid\ntoken: syt_fuzz\nhomeserver: fuzz.test\n");
    const next = random(20261123);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    for (let run = 0; run < 400; run++) {
      const command = pick(commands);
      const words = next() < 0.9 ? [...command.path] : [pick(JUNK)];
      const extra = Math.floor(next() * 6);
      for (let i = 0; i < extra; i++) {
        const r = next();
        words.push(
          r < 0.45 && command.options.length
            ? pick(command.options)
            : r < 0.55
              ? pick(globalNames)
              : pick(JUNK),
        );
      }
      const { code, stderr } = await runInProcess(words, { home, otherwise: NOT_FOUND });
      const argv = JSON.stringify(words);
      assert.ok(DEFINED_EXIT_CODES.has(code), `${argv} exited ${code}`);
      assert.doesNotMatch(stderr, /\n\s+at /, `${argv} printed a stack trace:\n${stderr}`);
      assert.doesNotMatch(stderr, /unexpected failure/, `${argv}:\n${stderr}`);
    }
  });
});
