// The launcher and the code cache (src/cli/launcher.sh, src/cli/loader.ts).
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { freshHome, homeWithConfig, runCli } from "../support/cli.ts";
import { configYaml } from "../support/server.ts";

const cacheFiles = (home: string): string[] =>
  readdirSync(join(home, ".cache", "synadm")).filter((name) => name.endsWith(".v8"));

describe("the code cache", () => {
  it("is written by the first run, used unchanged by the next, and replaced when damaged", async () => {
    const home = homeWithConfig(configYaml({}));
    // Left by an older synadm: removed once this one saves its own.
    const stale = join(
      home,
      ".cache",
      "synadm",
      `code-0123456789abcdef-${process.version}-${process.arch}.v8`,
    );
    mkdirSync(join(home, ".cache", "synadm"), { recursive: true });
    writeFileSync(stale, "old");
    const first = await runCli(["version"], { home });
    assert.equal(first.code, 0, first.stderr);
    const [name, ...others] = cacheFiles(home);
    assert.ok(name, "the first run saved a code cache");
    assert.deepEqual(others, []);
    assert.match(name, new RegExp(`-${process.version}-${process.arch}\\.v8$`));
    const path = join(home, ".cache", "synadm", name);
    const saved = readFileSync(path);

    // A cache V8 accepts is not written again.
    const second = await runCli(["version"], { home });
    assert.equal(second.stdout, first.stdout);
    assert.deepEqual(readFileSync(path), saved);

    // V8 rejects a damaged cache; the command still works and the cache is made anew.
    writeFileSync(path, saved.subarray(0, 100));
    const third = await runCli(["version"], { home });
    assert.equal(third.code, 0, third.stderr);
    assert.equal(third.stdout, first.stdout);
    assert.ok(statSync(path).size > 100, "the damaged cache was replaced");
    assert.deepEqual(cacheFiles(home), [name]);
  });

  it("goes to $XDG_CACHE_HOME when set, and its absence or a read-only place is no failure", async () => {
    const home = freshHome();
    const xdg = join(home, "xdg");
    const help = await runCli(["--help"], { home, env: { XDG_CACHE_HOME: xdg } });
    assert.equal(help.code, 0, help.stderr);
    assert.equal(readdirSync(join(xdg, "synadm")).filter((name) => name.endsWith(".v8")).length, 1);

    // A file where the cache directory should be: nothing can be saved, nothing fails.
    const blocked = freshHome();
    writeFileSync(join(blocked, ".cache"), "");
    const run = await runCli(["--help"], { home: blocked });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, help.stdout);
    assert.equal(run.stderr, "");
  });
});

describe("the launcher", () => {
  it("runs through a chain of symbolic links, as npm installs it", async () => {
    const home = freshHome();
    const launcher = new URL("../../dist/cli/synadm", import.meta.url).pathname;
    symlinkSync(launcher, join(home, "first"));
    symlinkSync("first", join(home, "synadm"));
    const { execFile } = await import("node:child_process");
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        join(home, "synadm"),
        ["--version"],
        { env: { PATH: process.env["PATH"] ?? "", HOME: home } },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    assert.match(stdout, /^synadm, version \d+\.\d+\.\d+/);
  });
});
