import type { Interface } from "node:readline";
import { CliError, ExitCode } from "./errors.ts";
import type { CliIo } from "./io.ts";

/**
 * Questions on stderr, answers from stdin. Works on a terminal (hidden input
 * for secrets) and on a pipe (one line per answer); a closed stdin ends with
 * an error instead of a hang.
 */
export class Prompter {
  readonly #io: CliIo;
  #readline: Interface | undefined;
  #muted = false;
  readonly #lines: string[] = [];
  readonly #waiting: Array<(line: string | undefined) => void> = [];
  #closed = false;

  constructor(io: CliIo) {
    this.#io = io;
  }

  /** Asks for a line of text; an empty answer takes the default. */
  async ask(
    question: string,
    options: { default?: string; hidden?: boolean; shownDefault?: string } = {},
  ): Promise<string> {
    const shown = options.shownDefault ?? options.default;
    this.#io.stderr.write(`${question}${shown ? ` [${shown}]` : ""}: `);
    this.#muted = options.hidden === true;
    const line = await this.#nextLine().finally(() => {
      this.#muted = false;
    });
    if (options.hidden) this.#io.stderr.write("\n");
    if (line === undefined) throw new CliError("no answer: standard input is closed", ExitCode.usage);
    return line === "" ? (options.default ?? "") : line;
  }

  /** Asks a yes/no question; anything but yes means no. */
  async confirm(question: string): Promise<boolean> {
    const answer = await this.ask(`${question} [y/N]`);
    return /^(y|yes)$/i.test(answer.trim());
  }

  /** Releases stdin so the process can exit. */
  close(): void {
    this.#readline?.close();
  }

  async #nextLine(): Promise<string | undefined> {
    await this.#open();
    const buffered = this.#lines.shift();
    if (buffered !== undefined) return buffered;
    if (this.#closed) return undefined;
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async #open(): Promise<void> {
    if (this.#readline) return;
    // Loaded here: most commands never ask, and node:stream costs startup time.
    const [{ createInterface }, { Writable }] = await Promise.all([
      import("node:readline"),
      import("node:stream"),
    ]);
    const stderr = this.#io.stderr;
    const echo = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        if (!this.#muted) stderr.write(chunk.toString());
        done();
      },
    });
    const terminal = Boolean(this.#io.stdin.isTTY);
    this.#readline = createInterface({ input: this.#io.stdin, output: echo, terminal });
    this.#readline.on("line", (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
    this.#readline.on("close", () => {
      this.#closed = true;
      for (const waiter of this.#waiting.splice(0)) waiter(undefined);
    });
  }
}
