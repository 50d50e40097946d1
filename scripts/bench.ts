// `npm run bench`: this CLI against the reference synadm 0.49.2 on the same
// throw-away Synapse, whole processes, medians of several runs, as ratios.
// Writes the table to bench/results.md. Not part of `npm test`: timings vary.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { startSynapse } from "../test/support/synapse.ts";

const run = promisify(execFile);
// The installed command: the launcher in front of the bundle.
const BIN = resolve("dist/cli/synadm");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
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

  const rows: Array<[string, number, number, string]> = [];
  const measure = async (
    label: string,
    command: () => Promise<string[]>,
    prepare?: () => Promise<void>,
  ): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await prepare?.();
      const argv = await command();
      const started = performance.now();
      await run(argv[0]!, argv.slice(1), { maxBuffer: 256 << 20 });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    process.stderr.write(`${label}: ${median.toFixed(0)} ms\n`);
    return median;
  };
  const compare = async (
    work: string,
    goal: string,
    args: string[],
    prepare?: (tool: string) => Promise<string[]>,
  ) => {
    const mine = await measure(`${work} (this CLI)`, async () =>
      ours(...(prepare ? await prepare("ours") : args)),
    );
    const theirs = await measure(`${work} (reference)`, async () =>
      reference(...(prepare ? await prepare("ref") : args)),
    );
    rows.push([work, theirs, mine, goal]);
  };

  await compare("`version` (one request, cold process)", "≤ 0.25x", ["version"]);
  await compare("`--help`", "≤ 0.6x", ["--help"]);
  await compare("`room power-levels` over 100 rooms", "≤ 0.3x", [
    "room",
    "power-levels",
    "-l",
    "100",
    "-n",
    "bench room",
  ]);
  let batch = 0;
  await compare("`user deactivate-regex` over 100 users", "≤ 0.3x", [], async (tool) => {
    const prefix = `bench${tool}${batch++}x`;
    await createUsers(prefix, 100);
    return ["--batch", "user", "deactivate-regex", `@${prefix}`];
  });

  // The floor: the same API calls from a plain 8-worker loop in one process.
  const loopTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const prefix = `benchloop${i}x`;
    await createUsers(prefix, 100);
    const started = performance.now();
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
    loopTimes.push(performance.now() - started);
  }
  loopTimes.sort((a, b) => a - b);
  const loop = loopTimes[Math.floor(loopTimes.length / 2)]!;

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

  // What this machine's NODE_EXTRA_CA_CERTS costs every Node process (Node 20 loads the file at startup).
  const withoutExtraCa = async (args: string[]): Promise<number> => {
    const times: number[] = [];
    const env = { ...process.env };
    delete env["NODE_EXTRA_CA_CERTS"];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await run(process.execPath, [BIN, "-c", join(server.root, configInRoot), ...args], { env });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  };
  const cleanVersion = await withoutExtraCa(["version"]);
  const cleanHelp = await withoutExtraCa(["--help"]);

  const deactivateRow = rows.find(([work]) => work.includes("deactivate-regex"))!;
  const lines = [
    `Measured ${new Date().toISOString()} on this machine (${process.version}), Synapse ${server.serverName} on loopback,`,
    `medians of ${RUNS} whole-process runs. NODE_EXTRA_CA_CERTS=${process.env["NODE_EXTRA_CA_CERTS"] ? "set" : "unset"}.`,
    "",
    "| work | reference | this CLI | ratio | goal |",
    "|---|---|---|---|---|",
    ...rows.map(
      ([work, theirs, mine, goal]) =>
        `| ${work} | ${theirs.toFixed(0)} ms | ${mine.toFixed(0)} ms | ${(mine / theirs).toFixed(2)}x | ${goal} |`,
    ),
    `| plain 8-worker loop of the same deactivations | | ${loop.toFixed(0)} ms | CLI/loop ${(deactivateRow[2] / loop).toFixed(2)}x | CLI ≤ 1.3x loop |`,
    ...memory.map(
      ([users, mb]) =>
        `| \`user list --all\` over ${users} users, peak memory | (no such option) | ${mb.toFixed(0)} MB | | < 120 MB at 20,000 |`,
    ),
    "",
    `Without NODE_EXTRA_CA_CERTS (which makes Node 20 read the CA bundle at every start): \`version\` ${cleanVersion.toFixed(0)} ms ` +
      `(${(cleanVersion / rows[0]![1]).toFixed(2)}x), \`--help\` ${cleanHelp.toFixed(0)} ms (${(cleanHelp / rows[1]![1]).toFixed(2)}x).`,
    "",
  ];
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/results.md", lines.join("\n"));
  process.stdout.write(lines.join("\n"));
} finally {
  await server.stop();
}
