// The launcher and the code cache (src/cli/launcher.sh, src/cli/loader.ts).
import assert from "node:assert/strict";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
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

describe("a planted code cache", () => {
  const bundlePath = new URL("../../dist/cli/cli.cjs", import.meta.url).pathname;

  /** Writes, as the CLI's cache, V8 code for another script of the bundle's length that leaves `marker`. */
  async function plant(cachePath: string, marker: string): Promise<void> {
    const craft = `
      const { readFileSync, writeFileSync } = require("node:fs");
      const { Script } = require("node:vm");
      const [bundlePath, cachePath, marker] = process.argv.slice(1);
      const length = ("(function (exports, require, module, __filename, __dirname) {" + readFileSync(bundlePath, "utf8") + "\\n})").length;
      const head = "(function (exports, require, module, __filename, __dirname) {require('node:fs').writeFileSync(" + JSON.stringify(marker) + ", 'ran')/*";
      const tail = "*/\\n})";
      const source = head + " ".repeat(length - head.length - tail.length) + tail;
      writeFileSync(cachePath, new Script(source, { filename: bundlePath }).createCachedData());`;
    const { execFile } = await import("node:child_process");
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ["-e", craft, bundlePath, cachePath, marker], (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  async function runsPlant(setUp: (dir: string, file: string) => void): Promise<boolean> {
    const home = freshHome();
    const dir = join(home, ".cache", "synadm");
    const first = await runCli(["--help"], { home });
    assert.equal(first.code, 0, first.stderr);
    const [name] = cacheFiles(home);
    assert.ok(name, "the first run saved a code cache");
    const file = join(dir, name);
    const marker = join(home, "planted-code-ran");
    await plant(file, marker);
    chmodSync(file, 0o600);
    setUp(dir, file);
    await runCli(["--help"], { home });
    return existsSync(marker);
  }

  it("runs only from the user's own private cache: the check is what stops it", async () => {
    // The control: the same plant in the user's own 0600 file in a 0700 directory is trusted (it is theirs).
    assert.equal(await runsPlant(() => {}), true, "the planted code runs when trusted, so the test can fail");
  });

  for (const [what, setUp] of [
    ["a file others can write", (_dir: string, file: string) => chmodSync(file, 0o666)],
    ["a file of another user", (_dir: string, file: string) => chownSync(file, 65534, 65534)],
    ["a directory others can write", (dir: string) => chmodSync(dir, 0o777)],
    ["a directory of another user", (dir: string) => chownSync(dir, 65534, 65534)],
  ] as const) {
    it(`is not used from ${what}`, async () => {
      assert.equal(await runsPlant(setUp), false);
    });
  }
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
