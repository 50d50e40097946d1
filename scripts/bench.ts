// `npm run bench`: this CLI against the reference synadm 0.49.2 on the same
// throw-away Synapse, whole processes, medians of several runs, as ratios.
// Writes the table to bench/results.md. Not part of `npm test`: timings vary.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { startSynapse } from "../test/support/synapse.ts";
import { benchIncident, incidentRows, WAVE } from "./bench-incident.ts";
import { benchMas, masRows } from "./bench-mas.ts";

const run = promisify(execFile);
// The installed command: the launcher in front of the bundle.
const BIN = resolve("dist/cli/synadm");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
// Startup rows vary by a few milliseconds from run to run: more runs for a steady median.
const QUICK_RUNS = Number(process.env["BENCH_QUICK_RUNS"] ?? 21);
const USERS_FOR_LIST = Number(process.env["BENCH_LIST_USERS"] ?? 20_000);

const server = await startSynapse();
try {
  const config = [
    `token: ${server.adminToken}`,
    `base_url: ${server.baseUrl}`,
    "admin_path: /_synapse/admin",
    "matrix_path: /_matrix",
    "format: json",
    "timeout: 60",
    "server_discovery: well-known",
    "homeserver: auto-retrieval",
    "ssl_verify: true",
    "user: admin",
    "",
  ].join("\n");
  const configInRoot = join(server.dataDir, "bench.yaml");
  writeFileSync(join(server.root, configInRoot), config, { mode: 0o600 });
  const ours = (...args: string[]) => [BIN, "-c", join(server.root, configInRoot), ...args];
  const reference = (...args: string[]) => ["chroot", server.root, "synadm", "-c", configInRoot, ...args];
  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.adminToken}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json();
  };
  const createUsers = async (prefix: string, count: number): Promise<void> => {
    for (let start = 0; start < count; start += 16) {
      const batch = Array.from({ length: Math.min(16, count - start) }, (_, i) => start + i);
      await Promise.all(
        batch.map((i) =>
          api("PUT", `/_synapse/admin/v2/users/@${prefix}${i}:${server.serverName}`, { password: "pw" }),
        ),
      );
    }
  };

  process.stderr.write("Seeding 100 rooms...\n");
  for (let i = 0; i < 100; i++)
    await api("POST", "/_matrix/client/v3/createRoom", { name: `bench room ${i}` });

  // Synapse's own CPU time (user + system, from /proc) is the floor of the server-bound rows:
  // Synapse runs its Python on one core, so no client finishes before Synapse has done the work.
  const clockTicksPerSecond = 100;
  const synapseCpuMs = (): number => {
    const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  };
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  /** The median wall time of `work` over `runs` runs, each after an untimed `prepare`. */
  const medianTime = async <T>(
    runs: number,
    prepare: (run: number) => T | Promise<T>,
    work: (prepared: T) => Promise<unknown>,
  ): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const prepared = await prepare(i);
      const started = performance.now();
      await work(prepared);
      times.push(performance.now() - started);
    }
    return median(times);
  };

  interface Row {
    work: string;
    reference: number;
    ours: number;
    goal: string;
    /** Synapse's CPU time during this CLI's runs, median. */
    serverCpu: number;
  }
  const rows: Row[] = [];
  // The two tools take turns, run by run, so that a slow moment of the machine hits both.
  const compare = async (
    work: string,
    goal: string,
    args: string[],
    options: { runs?: number; prepare?: (tool: string) => Promise<string[]> } = {},
  ): Promise<void> => {
    const times = { ours: [] as number[], ref: [] as number[] };
    const serverCpu: number[] = [];
    for (let i = 0; i < (options.runs ?? RUNS); i++) {
      for (const tool of ["ours", "ref"] as const) {
        const toolArgs = options.prepare ? await options.prepare(tool) : args;
        const argv = tool === "ours" ? ours(...toolArgs) : reference(...toolArgs);
        const cpuBefore = synapseCpuMs();
        const started = performance.now();
        await run(argv[0]!, argv.slice(1), { maxBuffer: 256 << 20 });
        times[tool].push(performance.now() - started);
        if (tool === "ours") serverCpu.push(synapseCpuMs() - cpuBefore);
      }
    }
    const row = {
      work,
      reference: median(times.ref),
      ours: median(times.ours),
      goal,
      serverCpu: median(serverCpu),
    };
    process.stderr.write(
      `${work}: this CLI ${row.ours.toFixed(0)} ms, reference ${row.reference.toFixed(0)} ms\n`,
    );
    rows.push(row);
  };

  // One run first, so that the rows measure commands with the code cache in place, as every
  // run after an installation's first is; the first run is measured on its own below.
  await run(BIN, ["--version"]);
  await compare("`version` (one request, cold process)", "≤ 0.25x", ["version"], { runs: QUICK_RUNS });
  await compare("`--help`", "≤ 0.6x", ["--help"], { runs: QUICK_RUNS });
  await compare("`room power-levels` over 100 rooms", "≤ 0.3x", [
    "room",
    "power-levels",
    "-l",
    "100",
    "-n",
    "bench room",
  ]);
  let batch = 0;
  await compare("`user deactivate-regex` over 100 users", "≤ 0.3x", [], {
    prepare: async (tool) => {
      const prefix = `bench${tool}${batch++}x`;
      await createUsers(prefix, 100);
      return ["--batch", "user", "deactivate-regex", `@${prefix}`];
    },
  });

  // The floor: the same API calls from a plain 8-worker loop in one process.
  const loop = await medianTime(
    RUNS,
    async (i) => {
      const prefix = `benchloop${i}x`;
      await createUsers(prefix, 100);
      return prefix;
    },
    async (prefix) => {
      const users = (await api("GET", `/_synapse/admin/v2/users?limit=500&name=${prefix}`)) as {
        users: Array<{ name: string }>;
      };
      const queue = users.users.map((u) => u.name);
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) {
            await api("POST", `/_synapse/admin/v1/deactivate/${encodeURIComponent(id)}`, { erase: false });
          }
        }),
      );
    },
  );

  // Time to contain a spam wave, against the same calls from a plain loop; fewer runs: each scripts two waves.
  const incident = await benchIncident(server, ours, WAVE, Math.min(RUNS, 3));

  // What a server that delegates auth to MAS adds, once the delegation and the token are cached.
  const mas = await benchMas(BIN, server, QUICK_RUNS);

  // Users for the memory run go straight into the database: 20,000 API registrations would
  // take longer than the rest of the benchmark, and the list endpoint reads the same table.
  const seedUsersInDatabase = async (prefix: string, count: number): Promise<void> => {
    const script = [
      "import sqlite3, sys, time",
      "db = sqlite3.connect(sys.argv[1], timeout=60)",
      "now = int(time.time() * 1000)",
      "rows = [(f'@{sys.argv[2]}{i}:{sys.argv[4]}', now) for i in range(int(sys.argv[3]))]",
      "db.executemany('INSERT INTO users (name, creation_ts, admin, is_guest, deactivated, shadow_banned, approved, locked) VALUES (?, ?, 0, 0, 0, 0, 1, 0)', rows)",
      "db.commit()",
    ].join("\n");
    await run("chroot", [
      server.root,
      "python3",
      "-c",
      script,
      `${server.dataDir}/homeserver.db`,
      prefix,
      String(count),
      server.serverName,
    ]);
  };
  const peakRssOfListAll = (): Promise<number> =>
    new Promise<number>((resolvePeak, reject) => {
      const child = spawn("/usr/bin/time", ["-f", "%M", ...ours("user", "list", "--all", "-l", "500")], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let err = "";
      child.stderr.on("data", (chunk: Buffer) => {
        err += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", () => resolvePeak(Number(err.trim().split("\n").at(-1)) / 1024));
    });
  const memory: Array<[number, number]> = [];
  let seeded = 0;
  for (const total of [USERS_FOR_LIST / 10, USERS_FOR_LIST]) {
    process.stderr.write(`Seeding users up to ${total} for the memory measurement...\n`);
    await seedUsersInDatabase(`benchlist${seeded}x`, total - seeded);
    seeded = total;
    memory.push([total, await peakRssOfListAll()]);
  }

  // The first run after installing (or after a Node upgrade) compiles the bundle and saves the cache.
  const cacheHomes = mkdtempSync(join(tmpdir(), "synadm-bench-cache-"));
  const firstRun = (args: string[]): Promise<number> =>
    medianTime(
      QUICK_RUNS,
      () => mkdtempSync(join(cacheHomes, "run-")),
      (cacheHome) =>
        run(BIN, ["-c", join(server.root, configInRoot), ...args], {
          env: { ...process.env, XDG_CACHE_HOME: cacheHome },
        }),
    );
  const firstVersion = await firstRun(["version"]);
  const firstHelp = await firstRun(["--help"]);
  rmSync(cacheHomes, { recursive: true });
  // The floor of `version` for any Node CLI: Node's own start, then the same request from a bare
  // node:http script (the environment without NODE_EXTRA_CA_CERTS, as the launcher runs Node).
  const bareEnv = { ...process.env };
  delete bareEnv["NODE_EXTRA_CA_CERTS"];
  const bareRequest = [
    'const http = require("node:http");',
    `http.get(${JSON.stringify(`${server.baseUrl}/_synapse/admin/v1/server_version`)},`,
    `  { headers: { authorization: "Bearer ${server.adminToken}" } },`,
    '  (res) => { let body = ""; res.on("data", (d) => { body += d; });',
    '    res.on("end", () => process.stdout.write("server_version: " + JSON.parse(body).server_version + "\\n")); });',
  ].join("\n");
  const timeNode = (args: string[]): Promise<number> =>
    medianTime(
      QUICK_RUNS,
      () => undefined,
      () => run(process.execPath, args, { env: bareEnv }),
    );
  const nodeStart = await timeNode(["-e", "0"]);
  const bareVersion = await timeNode(["-e", bareRequest]);

  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const deactivateRow = rows.find((row) => row.work.includes("deactivate-regex"))!;
  const serverBound = (row: Row): string =>
    row.serverCpu >= 50 ? `${ms(row.serverCpu)} (${(row.serverCpu / row.reference).toFixed(2)}x)` : "";
  const lines = [
    `Measured ${new Date().toISOString()} on this machine (${process.version}, ${cpus().length} cores), ` +
      `Synapse ${server.serverName} on loopback, NODE_EXTRA_CA_CERTS ${process.env["NODE_EXTRA_CA_CERTS"] ? "set" : "unset"}.`,
    `Medians of ${QUICK_RUNS} (startup rows) or ${RUNS} whole-process runs, the two tools taking turns.`,
    "",
    "| work | reference | this CLI | ratio | goal | Synapse CPU in this CLI's run (its share of the reference's time) |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.work} | ${ms(row.reference)} | ${ms(row.ours)} | ${(row.ours / row.reference).toFixed(2)}x | ${row.goal} | ${serverBound(row)} |`,
    ),
    `| plain 8-worker loop of the same deactivations | | ${ms(loop)} | CLI/loop ${(deactivateRow.ours / loop).toFixed(2)}x | CLI ≤ 1.3x loop | |`,
    ...incidentRows(incident),
    ...masRows(mas),
    ...memory.map(
      ([users, mb]) =>
        `| \`user list --all\` over ${users} users, peak memory | (no such option) | ${mb.toFixed(0)} MB | | < 120 MB at 20,000 | |`,
    ),
    "",
    `First run of a synadm version on a Node version (no code cache yet): \`version\` ${ms(firstVersion)}, ` +
      `\`--help\` ${ms(firstHelp)}.`,
    `The floor of \`version\` for a Node program: Node's own start (\`node -e 0\`) ${ms(nodeStart)}; ` +
      `a bare node:http script making the same request ${ms(bareVersion)}.`,
    "",
  ];
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/results.md", lines.join("\n"));
  process.stdout.write(lines.join("\n"));
} finally {
  await server.stop();
}
