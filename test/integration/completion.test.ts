// Loads the generated completion scripts in real shells (bash from the host,
// zsh and fish from the Debian test root) and asks each for candidates.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { rootGroup } from "../../src/cli/commands/index.ts";
import { runCli } from "../support/cli.ts";
import { DEFAULT_ROOT, provisionRoot, TEST_SHELLS } from "../support/synapse.ts";

const run = promisify(execFile);
const SHELLS = ["bash", ...TEST_SHELLS] as const;
type Shell = (typeof SHELLS)[number];

/** Where scripts and sample files go: inside the root, so chrooted shells see them too. */
let workDir = "";
const inRoot = (hostPath: string): string => hostPath.slice(DEFAULT_ROOT.length);
const scriptFile = (shell: Shell): string => join(workDir, `synadm.${shell}`);

// Each shell completes a command line given as words, the last one being the word under the cursor.
// zsh cannot complete outside its line editor (and the root has no /dev/pts for zpty), so its test
// calls the _synadm function the script registers, with zsh's completion builtins replaced by
// functions that print what they were given.
const ZSH_CAPTURE = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh code, not a template.
  'compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}"; }',
  "compset() { return 1; }",
  "_files() { print -r -- '<files>'; }",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh code, not a template.
  '_describe() { local -a entries; entries=("${(@P)${@[-1]}}"); print -rl -- "${entries[@]%%:*}"; }',
].join("\n");

async function loadScript(shell: Shell): Promise<{ stdout: string; stderr: string }> {
  const script = scriptFile(shell);
  switch (shell) {
    case "bash":
      return run("bash", [
        "--noprofile",
        "--norc",
        "-c",
        'source "$1" && complete -p synadm',
        "bash",
        script,
      ]);
    case "zsh":
      return run("chroot", [
        DEFAULT_ROOT,
        "zsh",
        "-f",
        "-c",
        'autoload -Uz compinit && compinit -u -D && source "$1" && print -r -- "$_comps[synadm]"',
        "zsh",
        inRoot(script),
      ]);
    case "fish":
      return run("chroot", [
        DEFAULT_ROOT,
        "fish",
        "--no-config",
        "-c",
        "source $argv[1]; and complete -c synadm",
        inRoot(script),
      ]);
  }
}

/** The candidates a shell offers for a command line. */
async function candidates(shell: Shell, words: readonly string[]): Promise<string[]> {
  const script = scriptFile(shell);
  let stdout: string;
  switch (shell) {
    case "bash":
      ({ stdout } = await run("bash", [
        "--noprofile",
        "--norc",
        "-c",
        'source "$1" || exit 3; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; ' +
          // biome-ignore lint/suspicious/noTemplateCurlyInString: bash code, not a template.
          'COMP_POINT=${#COMP_LINE}; _synadm; printf "%s\\n" "${COMPREPLY[@]}"',
        "bash",
        script,
        ...words,
      ]));
      break;
    case "zsh":
      ({ stdout } = await run("chroot", [
        DEFAULT_ROOT,
        "zsh",
        "-f",
        "-c",
        'autoload -Uz compinit && compinit -u -D && source "$1" || exit 3\n' +
          `${ZSH_CAPTURE}\nshift; words=("$@"); CURRENT=$#; _synadm`,
        "zsh",
        inRoot(script),
        ...words,
      ]));
      break;
    case "fish":
      ({ stdout } = await run("chroot", [
        DEFAULT_ROOT,
        "fish",
        "--no-config",
        "-c",
        "source $argv[1]; or exit 3; complete -C (string join ' ' -- $argv[2..-1])",
        inRoot(script),
        ...words,
      ]));
      break;
  }
  // Drop fish's descriptions; zsh's compadd leaves filtering by the typed prefix to zsh, so filter here;
  // the order is each shell's own.
  const typed = words.at(-1) ?? "";
  const offered = stdout
    .split("\n")
    .map((line) => line.split("\t")[0]!)
    .filter(Boolean);
  return offered.includes("<files>") ? offered : offered.filter((word) => word.startsWith(typed)).sort();
}

describe("shell completion", () => {
  before(async () => {
    // Installs zsh and fish into a root provisioned before they were needed; fails (no skip) if it cannot.
    await provisionRoot(DEFAULT_ROOT);
    for (const shell of TEST_SHELLS)
      assert.ok(existsSync(join(DEFAULT_ROOT, "usr/bin", shell)), `${shell} is missing from ${DEFAULT_ROOT}`);
    mkdirSync(join(DEFAULT_ROOT, "tmp"), { recursive: true });
    workDir = mkdtempSync(join(DEFAULT_ROOT, "tmp", "synadm-completion-"));
    writeFileSync(join(workDir, "staff.csv"), "user_id\n");
    for (const shell of SHELLS) {
      const result = await runCli(["completion", shell]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, "");
      writeFileSync(scriptFile(shell), result.stdout);
    }
  });
  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  for (const shell of SHELLS) {
    describe(shell, () => {
      it("loads the script without a word on stderr and registers the completion", async () => {
        const { stdout, stderr } = await loadScript(shell);
        assert.equal(stderr, "");
        if (shell === "bash") assert.match(stdout, /complete -F _synadm synadm/);
        if (shell === "zsh") assert.equal(stdout.trim(), "_synadm");
        if (shell === "fish") assert.match(stdout, /__synadm_complete/);
      });

      it("completes command names, at the top and in groups", async () => {
        assert.deepEqual((await candidates(shell, ["synadm", "us"])).sort(), ["user", "user-report"]);
        assert.deepEqual((await candidates(shell, ["synadm", "user-report", ""])).sort(), [
          "delete",
          "list",
          "show",
        ]);
        const top = await candidates(shell, ["synadm", ""]);
        assert.deepEqual([...top].sort(), rootGroup.commands.map((command) => command.name).sort());
        assert.deepEqual((await candidates(shell, ["synadm", "completion", ""])).sort(), [
          "bash",
          "fish",
          "zsh",
        ]);
        assert.ok((await candidates(shell, ["synadm", "user", "device", ""])).includes("delete"));
        // Global options before the command do not get in the way.
        assert.deepEqual(await candidates(shell, ["synadm", "-c", "/tmp/x.yaml", "-vv", "ro"]), ["room"]);
      });

      it("completes a command's own options and the global ones", async () => {
        const options = await candidates(shell, ["synadm", "user", "list", "--"]);
        for (const name of ["--all", "--limit", "--sort-by", "--no-guests", "--help", "--output", "--batch"])
          assert.ok(options.includes(name), `${name} in ${options.join(" ")}`);
        assert.ok(!options.includes("--gdpr-erase"), "no options of other commands");
        // An option's value is skipped: "10" is not taken for an argument.
        assert.deepEqual(await candidates(shell, ["synadm", "user", "list", "-l", "10", "--al"]), ["--all"]);
        assert.deepEqual(await candidates(shell, ["synadm", "--ver"]), ["--verbose", "--version"]);
      });

      it("completes enum values of options, also after a cluster of short options", async () => {
        const sortKeys = await candidates(shell, ["synadm", "user", "list", "--sort-by", ""]);
        for (const key of ["name", "creation_ts", "last_seen_ts"]) assert.ok(sortKeys.includes(key), key);
        assert.deepEqual(await candidates(shell, ["synadm", "-o", "j"]), ["j", "json"]);
        assert.ok((await candidates(shell, ["synadm", "version", "-vo", ""])).includes("minified"));
        assert.deepEqual(await candidates(shell, ["synadm", "room", "list", "-s", "joined_l"]), [
          "joined_local_members",
        ]);
      });

      it("completes file names where a command reads a file", async () => {
        const typed = `${shell === "bash" ? workDir : inRoot(workDir)}/sta`;
        const offered = await candidates(shell, ["synadm", "user", "import", typed]);
        // zsh hands files to its own _files function.
        assert.deepEqual(offered, shell === "zsh" ? ["<files>"] : [`${typed}ff.csv`]);
        assert.deepEqual(
          await candidates(shell, ["synadm", "user", "details", "x"]),
          [],
          "no files for a user ID",
        );
      });
    });
  }

  it("fish and zsh show a description next to each command and option", async () => {
    const { stdout } = await run("chroot", [
      DEFAULT_ROOT,
      "fish",
      "--no-config",
      "-c",
      "source $argv[1]; complete -C 'synadm user list --al'",
      inRoot(scriptFile("fish")),
    ]);
    assert.match(stdout, /^--all\t\S.+$/m);
    const zsh = await run("chroot", [
      DEFAULT_ROOT,
      "zsh",
      "-f",
      "-c",
      'autoload -Uz compinit && compinit -u -D && source "$1" || exit 3\n' +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh code, not a template.
        '_describe() { print -rl -- "${(@P)${@[-1]}}"; }\nwords=(synadm user list --al); CURRENT=4; _synadm',
      "zsh",
      inRoot(scriptFile("zsh")),
    ]);
    assert.match(zsh.stdout, /^--all:\S.+$/m);
  });

  it("zsh also completes when the script is installed as _synadm in $fpath", async () => {
    const functions = join(workDir, "functions");
    mkdirSync(functions);
    writeFileSync(join(functions, "_synadm"), await runCli(["completion", "zsh"]).then((r) => r.stdout));
    const { stdout, stderr } = await run("chroot", [
      DEFAULT_ROOT,
      "zsh",
      "-f",
      "-c",
      `fpath=("$1" $fpath); autoload -Uz compinit && compinit -u -D\n${ZSH_CAPTURE}\n` +
        'print -r -- "$_comps[synadm]"; words=(synadm completion z); CURRENT=3; _synadm',
      "zsh",
      inRoot(functions),
    ]);
    assert.equal(stderr, "");
    assert.deepEqual(stdout.trim().split("\n"), ["_synadm", "bash", "zsh", "fish"]);
  });
});
