import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { rootGroup } from "../../../src/cli/commands/index.ts";
import { parseCommandLine } from "../../../src/cli/framework/parse.ts";
import {
  type AnyCommandSpec,
  type GroupSpec,
  namesOf,
  type OptionSpec,
} from "../../../src/cli/framework/spec.ts";
import { globalOptions } from "../../../src/cli/runtime/options/global.ts";
import { loadSettings } from "../../../src/cli/runtime/settings/load.ts";
import { saveSettings } from "../../../src/cli/runtime/settings/save.ts";
import { runInProcess } from "../../support/in-process.ts";

const PLAIN = "base_url: https://top.example.org\ntoken: syt_top\nformat: json\n";
const WITH_PROFILES = `${PLAIN}profiles:
  work:
    base_url: https://work.example.org
    token: syt_work
  lab:
    timeout: 5
`;

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "synadm-profiles-"));
  const path = join(dir, "synadm.yaml");
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

async function run(argv: string[], config: string | undefined, env: Record<string, string> = {}) {
  const result = await runInProcess(argv, {
    ...(config === undefined ? {} : { config }),
    env,
    script: [{ json: { server_version: "1.160.0" } }],
  });
  return { ...result, file: result.configFile };
}

describe("configuration profiles", () => {
  it("reads a plain synadm.yaml exactly as before", async () => {
    const loaded = await loadSettings(configFile(PLAIN), {});
    assert.equal(loaded.settings.base_url, "https://top.example.org");
    assert.deepEqual(loaded.fromFile, {
      base_url: "https://top.example.org",
      token: "syt_top",
      format: "json",
    });
    assert.deepEqual(loaded.profileNames, []);
    assert.equal(loaded.unknownProfile, undefined);
    assert.deepEqual(loaded.warnings, []);
  });

  it("lays a profile's keys over the top-level ones, and the environment over both", async () => {
    const path = configFile(WITH_PROFILES);
    const work = await loadSettings(path, {}, "work");
    assert.equal(work.settings.base_url, "https://work.example.org");
    assert.equal(work.settings.token, "syt_work");
    assert.equal(work.settings.format, "json", "inherited from the top level");
    assert.deepEqual(work.fromProfile, { base_url: "https://work.example.org", token: "syt_work" });
    const lab = await loadSettings(path, { SYNADM_TIMEOUT: "9" }, "lab");
    assert.equal(lab.settings.base_url, "https://top.example.org");
    assert.equal(lab.settings.timeout, 9);
    const none = await loadSettings(path, {});
    assert.equal(none.settings.base_url, "https://top.example.org", "no profile: the top level alone");
    assert.deepEqual(none.profileNames, ["work", "lab"]);
    assert.deepEqual(none.warnings, [], "profiles is not an unknown key");
  });

  it("names the available profiles when an unknown one is chosen", async () => {
    const path = configFile(WITH_PROFILES);
    const loaded = await loadSettings(path, {}, "home");
    assert.equal(
      loaded.unknownProfile,
      `unknown profile "home" (from --profile or SYNADM_PROFILE); available profiles in ${path}: work, lab`,
    );
    assert.match((await loadSettings(configFile(PLAIN), {}, "x")).unknownProfile ?? "", /has no profiles/);
    assert.match(
      (await loadSettings("/nonexistent/synadm.yaml", {}, "x")).unknownProfile ?? "",
      /does not exist/,
    );
  });

  it("checks a profile's values and names the line; unknown keys in a profile are warnings", async () => {
    await assert.rejects(
      loadSettings(configFile(`${PLAIN}profiles:\n  lab:\n    timeout: soon\n`), {}, "lab"),
      /line 6: "timeout" in profile "lab" has the value "soon"; expected a number/,
    );
    await assert.rejects(
      loadSettings(configFile(`${PLAIN}profiles:\n  lab: 3\n`), {}),
      /line 5: profile "lab" must be a mapping/,
    );
    await assert.rejects(
      loadSettings(configFile(`${PLAIN}profiles: [a, b]\n`), {}),
      /line 4: "profiles" must map profile names/,
    );
    const warned = await loadSettings(configFile(`${PLAIN}profiles:\n  lab:\n    colour: red\n`), {}, "lab");
    assert.deepEqual(warned.warnings, [
      `configuration file ${warned.path} line 6: unknown key "colour" in profile "lab" ignored`,
    ]);
  });

  it("saves into a profile without touching the top level, keeping comments", async () => {
    const path = configFile(`# mine\n${PLAIN}`);
    await saveSettings(path, { token: "syt_new", base_url: "https://new.example.org" }, "new");
    const text = readFileSync(path, "utf8");
    assert.ok(text.startsWith(`# mine\n${PLAIN}`), text);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const loaded = await loadSettings(path, {}, "new");
    assert.equal(loaded.settings.token, "syt_new");
    assert.deepEqual(Object.keys(loaded.fromProfile), ["base_url", "token"], "a new profile's keys sorted");
    await saveSettings(path, { token: "syt_newer" }, "new");
    assert.equal((await loadSettings(path, {}, "new")).settings.base_url, "https://new.example.org");
    assert.equal((await loadSettings(path, {})).settings.token, "syt_top");
  });

  it("writes an empty `profiles:` into a mapping", async () => {
    const path = configFile(`${PLAIN}profiles:\n`);
    await saveSettings(path, { token: "syt_a" }, "a");
    assert.equal((await loadSettings(path, {}, "a")).settings.token, "syt_a");
  });
});

describe("--profile and SYNADM_PROFILE", () => {
  it("send requests to the profile's server with its token", async () => {
    for (const [argv, env] of [
      [["--profile", "work", "version"], {}],
      [["version", "--profile", "work"], {}],
      [["version"], { SYNADM_PROFILE: "work" }],
      [["--profile=work", "version"], { SYNADM_PROFILE: "lab" }],
    ] as const) {
      const result = await run([...argv], WITH_PROFILES, env);
      assert.equal(result.code, 0, result.stderr);
      const request = result.transport.requests[0]!;
      assert.equal(request.url.origin, "https://work.example.org", argv.join(" "));
      assert.equal(request.headers["authorization"], "Bearer syt_work");
    }
  });

  it("stops with one line and exit 2 for an unknown profile, sending nothing", async () => {
    const result = await run(["--profile", "hom", "version"], WITH_PROFILES);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Error: unknown profile "hom" .*available profiles in .*: work, lab\n$/);
    assert.equal(result.transport.requests.length, 0);
  });

  it("makes `config --batch` write into the chosen profile, creating it", async () => {
    const result = await run(
      ["--batch", "--profile", "staging", "config", "-t", "syt_staging", "-b", "https://staging.example.org"],
      WITH_PROFILES,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /saved to .*synadm\.yaml, profile "staging"/);
    const text = readFileSync(result.file, "utf8");
    assert.ok(text.startsWith(WITH_PROFILES), "the top level and other profiles are unchanged");
    const staging = await loadSettings(result.file, {}, "staging");
    assert.deepEqual(staging.fromProfile, { base_url: "https://staging.example.org", token: "syt_staging" });
    assert.equal(staging.settings.format, "json", "still inherited, not copied");
  });

  it("makes `config --batch` change only the given key of an existing profile", async () => {
    const result = await run(["--batch", "config", "-w", "12"], WITH_PROFILES, { SYNADM_PROFILE: "work" });
    assert.equal(result.code, 0, result.stderr);
    const work = await loadSettings(result.file, {}, "work");
    assert.deepEqual(work.fromProfile, {
      base_url: "https://work.example.org",
      token: "syt_work",
      timeout: 12,
    });
    assert.equal((await loadSettings(result.file, {})).settings.timeout, 30);
  });

  it("is a long-only option that no command option shadows", () => {
    assert.deepEqual(namesOf(globalOptions.profile.flags), ["--profile"]);
    const walk = (node: AnyCommandSpec | GroupSpec, path: string): void => {
      if (node.kind === "group") {
        for (const child of node.commands) walk(child, `${path} ${child.name}`);
        return;
      }
      for (const spec of Object.values(node.options as Record<string, OptionSpec>))
        assert.ok(!namesOf(spec.flags).includes("--profile"), `${path} has its own --profile`);
    };
    walk(rootGroup, "synadm");
    const parsed = parseCommandLine(rootGroup, globalOptions, [
      "matrix",
      "raw",
      "-p",
      "client/versions",
      "--profile",
      "a",
    ]);
    assert.equal(parsed.kind, "run");
    if (parsed.kind === "run") assert.equal(parsed.globals["profile"], "a");
  });
});
