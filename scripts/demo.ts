// `npm run demo`: starts (or reuses) a throw-away local Synapse, writes a synadm
// configuration for it and runs a few synadm commands against it.
// `npm run demo -- stop` stops it and removes its data.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startSynapse } from "../test/support/synapse.ts";

const demoDir = resolve(".synapse-demo");
const stateFile = join(demoDir, "state.json");
const configFile = join(demoDir, "synadm.yaml");
const bin = resolve("dist/cli/synadm");

interface DemoState {
  pid: number;
  baseUrl: string;
  hostDataDir: string;
}

function readState(): DemoState | undefined {
  if (!existsSync(stateFile)) return undefined;
  return JSON.parse(readFileSync(stateFile, "utf8")) as DemoState;
}

function running(state: DemoState | undefined): state is DemoState {
  if (!state) return false;
  try {
    process.kill(-state.pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(): Promise<void> {
  const state = readState();
  if (running(state)) {
    process.kill(-state.pid, "SIGTERM");
    for (let i = 0; i < 100 && running(state); i++) await new Promise((r) => setTimeout(r, 100));
    if (running(state)) process.kill(-state.pid, "SIGKILL");
  }
  if (state) rmSync(state.hostDataDir, { recursive: true, force: true });
  rmSync(demoDir, { recursive: true, force: true });
  process.stderr.write("The demo Synapse is stopped and its data removed.\n");
}

async function start(): Promise<void> {
  let state = readState();
  if (!running(state)) {
    const server = await startSynapse({ keepRunning: true });
    state = { pid: server.pid, baseUrl: server.baseUrl, hostDataDir: server.hostDataDir };
    mkdirSync(demoDir, { recursive: true });
    writeFileSync(
      stateFile,
      `${JSON.stringify({ ...state, adminPassword: server.adminPassword }, null, 2)}\n`,
      { mode: 0o600 },
    );
    const config = [
      "user: admin",
      `token: ${server.adminToken}`,
      `base_url: ${server.baseUrl}`,
      "admin_path: /_synapse/admin",
      "matrix_path: /_matrix",
      "timeout: 30",
      "format: yaml",
      "server_discovery: well-known",
      "homeserver: auto-retrieval",
      "ssl_verify: true",
      "",
    ].join("\n");
    writeFileSync(configFile, config, { mode: 0o600 });
  }
  process.stderr.write(`A throw-away Synapse runs at ${state.baseUrl}.\n\n`);
  for (const args of [
    ["version"],
    ["-o", "human", "raw", "v2/users"],
    ["-o", "json", "matrix", "raw", "client/v3/account/whoami"],
  ]) {
    process.stderr.write(`$ synadm ${args.join(" ")}\n`);
    process.stdout.write(execFileSync(bin, ["-c", configFile, ...args], { encoding: "utf8" }));
    process.stderr.write("\n");
  }
  process.stderr.write(
    `Try it yourself:\n  export SYNADM_CONFIG=${configFile}\n  alias synadm="${bin}"\n  synadm --help\n` +
      "Stop the server with: npm run demo -- stop\n",
  );
}

await (process.argv[2] === "stop" ? stop() : start());
