// The CLI's main() run in this process, with a fake transport and captured
// streams: the one harness of the unit tests that run whole commands.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/runtime/io.ts";
import { FakeTransport, type Scripted } from "./fake-transport.ts";

/** What one in-process run produced. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  transport: FakeTransport;
  home: string;
  /** The home's ~/.config/synadm.yaml (written only when a config was given). */
  configFile: string;
}

/** Options of {@link runInProcess}. */
export interface InProcessOptions {
  /** The text of ~/.config/synadm.yaml; none when undefined. */
  readonly config?: string;
  /** The server's answers, in order. */
  readonly script?: readonly Scripted[];
  /** The answer to every request after the script; without it such a request fails the test. */
  readonly otherwise?: Scripted;
  readonly env?: Record<string, string>;
  /** What stdin holds (then it ends). */
  readonly input?: string;
  /**
   * The home to run in, from {@link unitHome}: runs that need no fresh one
   * (hundreds of fuzz runs) share it. A fresh home otherwise.
   */
  readonly home?: string;
  /** Script the requests asking whether the server delegates auth too (see FakeTransport). */
  readonly scriptAuthMetadata?: boolean;
}

/** A new home directory with ~/.config/ in it and, when given, ~/.config/synadm.yaml holding `config`. */
export function unitHome(config?: string): string {
  const home = mkdtempSync(join(tmpdir(), "synadm-unit-"));
  mkdirSync(join(home, ".config"));
  if (config !== undefined) writeFileSync(configFileOf(home), config, { mode: 0o600 });
  return home;
}

/** Runs main() as `synadm argv...` would run. */
export async function runInProcess(argv: string[], options: InProcessOptions = {}): Promise<InProcessRun> {
  const home = options.home ?? unitHome();
  if (options.config !== undefined) writeFileSync(configFileOf(home), options.config, { mode: 0o600 });
  let stdout = "";
  let stderr = "";
  const transport = new FakeTransport(...(options.script ?? []));
  if (options.otherwise !== undefined) transport.otherwise(options.otherwise);
  if (options.scriptAuthMetadata) transport.scriptAuthMetadata();
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from(options.input ? [options.input] : []),
    env: options.env ?? {},
    homedir: home,
    transport,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, transport, home, configFile: configFileOf(home) };
}

function configFileOf(home: string): string {
  return join(home, ".config", "synadm.yaml");
}
