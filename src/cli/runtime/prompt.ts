import type { Interface } from "node:readline";
import { CliError, ExitCode } from "./errors.ts";
import type { CliIo } from "./io.ts";

const YES_ANSWERS = new Set(["y", "yes", "true", "1", "on"]);
const NO_ANSWERS = new Set(["n", "no", "false", "0", "off"]);
/** A pipe of garbage (or a cat on the keyboard) ends as No, not a loop. */
const MAX_CONFIRM_ATTEMPTS = 5;

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
    // The terminal leaves its echoing mode before the question shows: what is typed
    // at once (a pasted password) must not be echoed by the terminal itself.
    await this.#open();
    this.#io.stderr.write(`${question}${shown ? ` [${shown}]` : ""}: `);
    this.#muted = options.hidden === true;
    const line = await this.#nextLine().finally(() => {
      this.#muted = false;
    });
    if (options.hidden) this.#io.stderr.write("\n");
    if (line === undefined) throw new CliError("no answer: standard input is closed", ExitCode.usage);
    return line === "" ? (options.default ?? "") : line;
  }

  /**
   * Asks a yes/no question, default No. Takes the answers synadm takes
   * (y/yes/true/1/on, n/no/false/0/off) and asks again on anything else, a
   * bounded number of times; the end of input is `"closed"`, never a hang.
   */
  async confirm(question: string): Promise<"yes" | "no" | "closed"> {
    for (let attempt = 0; attempt < MAX_CONFIRM_ATTEMPTS; attempt++) {
      this.#io.stderr.write(`${question} [y/N]: `);
      const line = await this.#nextLine();
      if (line === undefined) {
        this.#io.stderr.write("\n");
        return "closed";
      }
      // An answer from a pipe is not echoed by anyone: show it, so the log reads as a dialogue.
      if (!this.#io.stdin.isTTY) this.#io.stderr.write(`${line}\n`);
      const answer = line.trim().toLowerCase();
      if (answer === "" || NO_ANSWERS.has(answer)) return "no";
      if (YES_ANSWERS.has(answer)) return "yes";
      this.#io.stderr.write("Please answer y or n.\n");
    }
    return "no";
  }

  /**
   * Releases stdin (and a terminal's raw mode, so that Ctrl-C interrupts again)
   * while nothing is asked; a later question opens it again. Lines already read
   * from a pipe are kept for that question.
   */
  close(): void {
    const readline = this.#readline;
    this.#readline = undefined;
    readline?.close();
  }

  async #nextLine(): Promise<string | undefined> {
    await this.#open();
    const buffered = this.#lines.shift();
    if (buffered !== undefined) return buffered;
    if (this.#closed) return undefined;
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async #open(): Promise<void> {
    if (this.#readline || this.#closed) return;
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
    const input = this.#io.stdin;
    // A stream that ended while released would never say so again: no hang on reopening it.
    if ((input as { readableEnded?: boolean }).readableEnded) {
      this.#closed = true;
      return;
    }
    const readline = createInterface({ input, output: echo, terminal: Boolean(input.isTTY) });
    this.#readline = readline;
    readline.on("line", (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
    readline.on("close", () => {
      // Released by close() above; the input itself has not ended.
      if (this.#readline !== readline) return;
      this.#closed = true;
      for (const waiter of this.#waiting.splice(0)) waiter(undefined);
    });
  }
}
