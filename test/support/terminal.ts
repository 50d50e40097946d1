// Runs a command at a real terminal (a pseudo-terminal made by util-linux's
// `script`), so that stdin and stdout are TTYs, and answers its prompts.
import { type ChildProcess, spawn } from "node:child_process";

/** A command running at a terminal, answered prompt by prompt. */
export interface TerminalSession {
  /** Waits until the screen so far matches, and returns it. */
  expect(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Types a line (Enter included). */
  type(line: string): void;
  /** Waits for the command to end; resolves to its exit code and everything it showed. */
  exit(timeoutMs?: number): Promise<{ code: number | null; screen: string }>;
}

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/** Starts `command` with `args` at a terminal, with exactly the environment given. */
export function atTerminal(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): TerminalSession {
  const line = [command, ...args].map(quote).join(" ");
  // -e: script exits with the command's code; -f: output is flushed at once.
  const child: ChildProcess = spawn("script", ["-qfec", line, "/dev/null"], {
    env: { TERM: "dumb", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let screen = "";
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    screen += chunk.toString();
    for (const wake of waiters) wake();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));

  const until = <T>(ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        child.kill("SIGKILL");
        reject(new Error(`${what} within ${timeoutMs} ms; the terminal showed:\n${screen}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    expect: (pattern, timeoutMs = 15_000) =>
      until(() => (pattern.test(screen) ? screen : undefined), timeoutMs, `no ${pattern}`),
    type: (text) => {
      child.stdin?.write(`${text}\r`);
    },
    exit: async (timeoutMs = 15_000) => {
      let code: number | null | undefined;
      void closed.then((value) => {
        code = value;
        for (const wake of waiters) wake();
      });
      const result = await until(() => (code === undefined ? undefined : { code }), timeoutMs, "no exit");
      return { code: result.code, screen };
    },
  };
}
