// The MAS rows of `npm run bench`: what a server that delegates auth to the
// Matrix Authentication Service adds to `version` and `user list`, once the
// delegation and the token are cached. A real Synapse in MAS mode, with the
// MAS stand-in of the tests as its MAS, against the benchmark's usual server.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { MasStandIn } from "../test/support/mas-stand-in.ts";
import { type SynapseServer, startMasSynapse } from "../test/support/synapse.ts";

const run = promisify(execFile);

export interface MasTimes {
  /** Per command: the median without MAS and under MAS, in ms. */
  readonly rows: ReadonlyArray<{ readonly work: string; readonly plain: number; readonly mas: number }>;
}

/** A home directory whose synadm configuration reaches `baseUrl` with `token`. */
function homeFor(lines: readonly string[]): string {
  const home = mkdtempSync(join(tmpdir(), "synadm-bench-mas-"));
  writeFileSync(join(home, "synadm.yaml"), [...lines, "format: json", ""].join("\n"), { mode: 0o600 });
  return home;
}

const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** Logs in with `synadm mas login` (the device code, approved by the stand-in), so the token is cached. */
async function deviceLogin(bin: string, home: string, standIn: MasStandIn, username: string): Promise<void> {
  const child = spawn(bin, ["-c", join(home, "synadm.yaml"), "mas", "login"], {
    env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, ".cache") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  for (let i = 0; i < 300 && !/code: [A-Z]{4}-[A-Z]{4}/.test(stderr); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const code = /code: ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1];
  if (!code) throw new Error(`synadm mas login showed no code: ${stderr}`);
  standIn.approveDevice(code, username);
  if ((await exited) !== 0) throw new Error(`synadm mas login failed: ${stderr}`);
}

/**
 * Times each command `runs` times on both servers, taking turns, after one
 * untimed run each that fills the caches (code, server name, auth delegation).
 */
export async function benchMas(bin: string, plainServer: SynapseServer, runs: number): Promise<MasTimes> {
  const standIn = new MasStandIn({ token: "mas_bench_admin_token", serverName: "mas.bench" });
  const masUrl = await standIn.listen();
  const masServer = await startMasSynapse(standIn, masUrl, { serverName: "mas.bench", database: "sqlite" });
  try {
    for (let i = 0; i < 20; i++) {
      standIn.seedUser(`bench${i}`);
      await standIn.callHomeserver("provision_user", { localpart: `bench${i}` });
    }
    const homes = {
      plain: homeFor([`base_url: ${plainServer.baseUrl}`, `token: ${plainServer.adminToken}`]),
      // No token configured: the one a device login cached serves Synapse's Admin API.
      mas: homeFor([`base_url: ${masServer.baseUrl}`, "mas_client_id: synadm-bench"]),
    };
    standIn.registerClient({ clientId: "synadm-bench", grantTypes: [DEVICE_GRANT, "refresh_token"] });
    await deviceLogin(bin, homes.mas, standIn, "masadmin");
    const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const rows = [];
    for (const [work, args] of [
      ["`version`", ["version"]],
      ["`user list -l 10`", ["user", "list", "-l", "10"]],
    ] as const) {
      const times = { plain: [] as number[], mas: [] as number[] };
      for (let i = -1; i < runs; i++) {
        for (const kind of ["plain", "mas"] as const) {
          const home = homes[kind];
          const started = performance.now();
          await run(bin, ["-c", join(home, "synadm.yaml"), ...args], {
            env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, ".cache") },
          });
          if (i >= 0) times[kind].push(performance.now() - started);
        }
      }
      rows.push({ work, plain: median(times.plain), mas: median(times.mas) });
    }
    return { rows };
  } finally {
    await masServer.stop();
    await standIn.close();
  }
}

/** The rows of the results table. */
export function masRows(times: MasTimes): string[] {
  return times.rows.map(({ work, plain, mas }) => {
    const extra = Math.round(mas - plain);
    return (
      `| ${work} on a server in MAS mode, delegation and a device login's token cached | without MAS ${plain.toFixed(0)} ms | ` +
      `${mas.toFixed(0)} ms | ${extra < 0 ? "−" : "+"}${Math.abs(extra)} ms | ≤ +10 ms | |`
    );
  });
}
