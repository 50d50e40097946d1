import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { configYaml } from "./server.ts";

/** The launcher, as installed: it runs dist/cli/synadm.cjs with the `node` on PATH. */
export const BIN = new URL("../../dist/cli/synadm", import.meta.url).pathname;

/** What one run of the built CLI produced. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  /** Extra environment; the run never sees the developer's own HOME or SYNADM_* variables. */
  readonly env?: Record<string, string>;
  /** Written to stdin, which is then closed (stdin is always closed, never a terminal). */
  readonly input?: string;
  readonly home?: string;
  readonly timeoutMs?: number;
}

/** Runs the built CLI as a separate process, as an admin would. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** Starts the built CLI and returns its process (to signal it) and what it will have produced. */
export function startCli(
  args: readonly string[],
  options: RunOptions = {},
): { child: ChildProcess; result: Promise<CliResult> } {
  const home = options.home ?? freshHome();
  // The node running the tests runs the CLI too.
  const path = `${dirname(process.execPath)}:${process.env["PATH"] ?? ""}`;
  const env: Record<string, string> = { PATH: path, HOME: home, ...options.env };
  const child = spawn(BIN, args, { env, stdio: ["pipe", "pipe", "pipe"] });
  const result = new Promise<CliResult>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `synadm ${args.join(" ")} did not finish within ${options.timeoutMs ?? 30_000} ms\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // A CLI that stops before reading its input (a refused argument) closes the pipe: EPIPE is no failure.
    child.stdin.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") reject(error);
    });
    child.stdin.end(options.input ?? "");
  });
  return { child, result };
}

/** A new empty home directory. */
export function freshHome(): string {
  return mkdtempSync(join(tmpdir(), "synadm-home-"));
}

/** A home directory whose ~/.config/synadm.yaml has the given text. */
export function homeWithConfig(yaml: string): string {
  const home = freshHome();
  mkdirSync(join(home, ".config"));
  writeFileSync(join(home, ".config", "synadm.yaml"), yaml, { mode: 0o600 });
  return home;
}

/** One clear line on stderr starting with "Error:", no stack trace, and never the secret given. */
export function assertOneLineError(stderr: string, pattern: RegExp, secret?: string): void {
  const lines = stderr.trim().split("\n");
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.match(lines[0]!, /^Error: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(stderr, /\n\s+at /);
  if (secret) assert.ok(!stderr.includes(secret), "the secret is not shown");
}

/** Parses a command's JSON output. */
export function parseJson<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

/** A home configured for the test server with JSON output, and a runner bound to it. */
export function jsonSession(): { home: string; synadm: (...args: string[]) => Promise<CliResult> } {
  const home = homeWithConfig(configYaml({ format: "json" }));
  return { home, synadm: (...args: string[]) => runCli(args, { home }) };
}
