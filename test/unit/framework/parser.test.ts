import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rootGroup } from "../../../src/cli/commands/index.ts";
import { parseCommandLine } from "../../../src/cli/framework/parse.ts";
import {
  argument,
  count,
  defineCommand,
  defineGroup,
  flag,
  option,
  pair,
  repeatable,
  toggle,
} from "../../../src/cli/framework/spec.ts";
import { choice, integer, text } from "../../../src/cli/framework/values.ts";
import { UsageError } from "../../../src/cli/runtime/errors.ts";
import { globalOptions } from "../../../src/cli/runtime/options/global.ts";

const parse = (...argv: string[]) => parseCommandLine(rootGroup, globalOptions, argv);

const sample = defineCommand({
  name: "modify",
  summary: "x",
  options: {
    threepid: pair("-t, --threepid", [text, text], ["MEDIUM", "ADDRESS"], "3pid"),
    admin: toggle("-a, --admin", "-u, --no-admin", "admin"),
    limit: option("-l, --limit", integer, "limit"),
    name: option("-n, --name", text, "name"),
    userId: option("-i, --user-id", text, "id"),
    tag: repeatable("--tag", text, "tag"),
    quiet: flag("-q, --quiet", "quiet"),
    level: count("-x", "x"),
  },
  args: { user: argument("USER_ID", text) },
  rules: {
    exclusive: [["name", "userId"]],
    requireOne: [["threepid", "admin", "limit", "name", "userId", "tag"]],
  },
  load: async () => ({ default: async () => {} }),
});
const tree = defineGroup({
  name: "synadm",
  summary: "x",
  commands: [defineGroup({ name: "user", summary: "u", commands: [sample] })],
});
const parseSample = (...argv: string[]) => parseCommandLine(tree, globalOptions, argv);

describe("command-line parser", () => {
  it("reads synadm's global options, including every alias of --batch and the -o prefixes", () => {
    for (const alias of ["--batch", "--no-confirm", "--yes", "--non-interactive", "--scripting"]) {
      const result = parse(alias, "version");
      assert.equal(result.kind, "run");
      assert.equal(result.kind === "run" && result.globals["batch"], true, alias);
    }
    const result = parse("-vv", "-o", "j", "-c", "/tmp/x.yaml", "version");
    assert.ok(result.kind === "run");
    assert.deepEqual(result.globals, {
      verbose: 2,
      batch: false,
      output: "json",
      rawCells: false,
      configFile: "/tmp/x.yaml",
      timeout: undefined,
      maxWait: undefined,
      maxResponseMib: undefined,
      profile: undefined,
    });
    const inline = parse("--output=minified", "version");
    assert.ok(inline.kind === "run" && inline.globals["output"] === "minified");
    const clustered = parse("-vvoh", "version");
    assert.ok(
      clustered.kind === "run" &&
        clustered.globals["output"] === "human" &&
        clustered.globals["verbose"] === 2,
    );
  });

  it("accepts global options after the command, where the command has no option of that name", () => {
    const result = parse("version", "-o", "json", "--batch");
    assert.ok(
      result.kind === "run" && result.globals["output"] === "json" && result.globals["batch"] === true,
    );
    const config = parse("config", "-o", "json");
    assert.ok(
      config.kind === "run" && config.options["output"] === "json" && config.globals["output"] === undefined,
    );
  });

  it("parses two-value options, on/off pairs, repeats, counts and arguments anywhere", () => {
    const result = parseSample(
      "user",
      "modify",
      "-t",
      "email",
      "a@b.c",
      "alice",
      "--threepid",
      "msisdn",
      "123",
      "-u",
      "--tag=x",
      "--tag",
      "y",
      "-xx",
      "-l5",
    );
    assert.ok(result.kind === "run");
    assert.deepEqual(result.options["threepid"], [
      ["email", "a@b.c"],
      ["msisdn", "123"],
    ]);
    assert.equal(result.options["admin"], false);
    assert.deepEqual(result.options["tag"], ["x", "y"]);
    assert.equal(result.options["level"], 2);
    assert.equal(result.options["limit"], 5);
    assert.equal(result.options["quiet"], false);
    assert.deepEqual(result.args, { user: "alice" });
    assert.deepEqual([...result.given].sort(), ["admin", "level", "limit", "tag", "threepid"]);
  });

  it("lets -- end the options so arguments may start with a dash", () => {
    const result = parseSample("user", "modify", "-q", "-a", "--", "-weird");
    assert.ok(result.kind === "run" && result.args["user"] === "-weird");
  });

  const usage = (argv: string[], pattern: RegExp, parser = parseSample) =>
    assert.throws(
      () => parser(...argv),
      (error: unknown) => error instanceof UsageError && pattern.test(error.message),
      argv.join(" "),
    );

  it("rejects bad input with a clear message before anything runs", () => {
    usage(["user", "modify", "alice", "--limt", "3"], /no such option --limt \(did you mean "--limit"\?\)/);
    usage(["user", "modfy"], /no such command "modfy" \(did you mean "modify"\?\)/);
    usage(["user", "modify", "-a"], /missing argument USER_ID/);
    usage(["user", "modify", "alice", "bob", "-a"], /unexpected extra argument "bob"/);
    usage(["user", "modify", "alice", "-l", "ten"], /invalid value for -l: "ten" is not a whole number/);
    usage(["user", "modify", "alice", "-n", "x", "-i", "y"], /--name and --user-id cannot be used together/);
    usage(["user", "modify", "alice"], /give at least one of --threepid/);
    usage(["user", "modify", "alice", "-t", "email"], /option -t needs a value/);
    usage(["user", "modify", "alice", "--quiet=yes", "-a"], /does not take a value/);
    usage(["-o", "xml", "version"], /"xml" is not one of yaml, json, minified, human, pprint/, parse);
    usage(["raw", "-m", "patch", "v1/x"], /"patch" is not one of "get", "post", "put", "delete"/, parse);
    usage(
      ["raw", "-d", "{}", "-f", "x.json", "v1/x"],
      /--data and --data-file cannot be used together/,
      parse,
    );
  });

  it("answers help and version requests at any level, and notices a missing command", () => {
    assert.equal(parse("--help").kind, "help");
    assert.equal(parse("matrix", "login", "-h").kind, "help");
    assert.equal(parse("--version").kind, "version");
    assert.equal(parse("matrix").kind, "missing-command");
  });

  it("offers choices in the value parser", () => {
    assert.equal(choice(["a", "b"], { x: "a" }).parse("x", "-o"), "a");
  });
});
