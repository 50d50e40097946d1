// The CLI's main() run in this process, with a fake transport and captured streams.
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
  readonly env?: Record<string, string>;
  /** What stdin holds (then it ends). */
  readonly input?: string;
}

/** Runs main() with a fresh home. */
export async function runInProcess(argv: string[], options: InProcessOptions = {}): Promise<InProcessRun> {
  const home = mkdtempSync(join(tmpdir(), "synadm-unit-"));
  const configFile = join(home, ".config", "synadm.yaml");
  mkdirSync(join(home, ".config"));
  if (options.config !== undefined) writeFileSync(configFile, options.config, { mode: 0o600 });
  let stdout = "";
  let stderr = "";
  const transport = new FakeTransport(...(options.script ?? []));
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from(options.input ? [options.input] : []),
    env: options.env ?? {},
    homedir: home,
    transport,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, transport, home, configFile };
}
