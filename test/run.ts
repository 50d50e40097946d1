// Runs the whole suite: unit tests, then integration tests against a real
// Synapse started here, once on SQLite and once on PostgreSQL (or only on the
// one SYNADM_TEST_DATABASE names; or against the server named by
// SYNADM_TEST_BASE_URL and SYNADM_TEST_TOKEN), and ends with the line
// "N passed, N failed" summing every pass. `--unit` runs only the unit tests,
// which need no server; test file paths given as arguments run only those
// files (with a server if any is an integration test; SQLite unless
// SYNADM_TEST_DATABASE says otherwise). Last, the files of test/workers/
// run, each against the worker deployment it starts itself.
//
// The server starts while the unit tests run, and unit test files run two at
// a time (they share nothing); integration files run one at a time, since
// they share the one server (`room purge-empty` deletes every empty room).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  provisionRoot,
  type SynapseServer,
  startSynapse,
  type TestDatabase,
  testDatabaseFromEnv,
  testServerFromEnv,
} from "./support/synapse.ts";

const unitOnly = process.argv.includes("--unit");
const chosen = process.argv.slice(2).filter((arg) => arg.endsWith(".test.ts"));
const testDir = new URL(".", import.meta.url).pathname;
// Test files live in subfolders (test/unit/api/, test/unit/runtime/, ...), so the walk goes down.
const files = (dir: string): string[] =>
  readdirSync(join(testDir, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(testDir, dir, name));
const isIntegration = (file: string): boolean => file.includes(`${join("test", "integration")}/`);
// test/workers/: each file starts its own worker deployment (test/support/workers.ts), after the other passes.
const isWorkers = (file: string): boolean => file.includes(`${join("test", "workers")}/`);

const env: Record<string, string> = { ...(process.env as Record<string, string>) };
let server: SynapseServer | undefined;

interface Counts {
  readonly passed: number;
  readonly failed: number;
}

const DATABASE_NAMES: Record<TestDatabase, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** Starts the server of one pass (unless an existing one is named) and puts it in the tests' environment. */
async function provision(database: TestDatabase): Promise<void> {
  const existing = testServerFromEnv();
  if (existing) {
    process.stderr.write(`Using the existing server at ${existing.baseUrl}\n`);
    return;
  }
  process.stderr.write(
    `Starting a throw-away Synapse on ${DATABASE_NAMES[database]} for the integration tests...\n`,
  );
  const started = Date.now();
  server = await startSynapse({ database });
  Object.assign(env, {
    SYNADM_TEST_BASE_URL: server.baseUrl,
    SYNADM_TEST_TOKEN: server.adminToken,
    SYNADM_TEST_ADMIN_PASSWORD: server.adminPassword,
    SYNADM_TEST_SERVER_NAME: server.serverName,
    SYNADM_TEST_ROOT: server.root,
    SYNADM_TEST_DATA_DIR: server.dataDir,
    SYNADM_TEST_SHARED_SECRET: server.sharedSecret,
    SYNADM_TEST_DATABASE: server.database,
    SYNADM_TEST_POSTGRES_PORT: server.postgresPort === undefined ? "" : String(server.postgresPort),
  });
  process.stderr.write(
    `Synapse is up at ${server.baseUrl} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

const all = chosen.length > 0 ? chosen.map((file) => resolve(file)) : files("unit");
const unitFiles = all.filter((file) => !isIntegration(file) && !isWorkers(file));
const integrationFiles = chosen.length > 0 ? all.filter(isIntegration) : unitOnly ? [] : files("integration");
const workerFiles = chosen.length > 0 ? all.filter(isWorkers) : unitOnly ? [] : files("workers");

let total: Counts = { passed: 0, failed: 0 };
let exitCode = 0;
const add = ({ passed, failed }: Counts): void => {
  total = { passed: total.passed + passed, failed: total.failed + failed };
};
try {
  // The test root (Synapse, the reference synadm) is built once, before anything needs it: a
  // unit test reads Synapse's source there, and two builders at once would replace each other's.
  await provisionRoot();
} catch (error) {
  process.stderr.write(`\nThe test root could not be provisioned: ${(error as Error).message}\n`);
  process.stdout.write("0 passed, 1 failed\n");
  process.exit(1);
}
// The whole suite runs once per database; chosen files or an existing server: one pass (SQLite unless
// SYNADM_TEST_DATABASE names another). SYNADM_TEST_DATABASE may list several: "sqlite,postgres".
const named = process.env["SYNADM_TEST_DATABASE"];
const databases: TestDatabase[] = named
  ? named.split(",").map((name) => {
      if (name !== "sqlite" && name !== "postgres")
        throw new Error(`SYNADM_TEST_DATABASE=${named}: use sqlite, postgres or both`);
      return name;
    })
  : chosen.length > 0 || testServerFromEnv()
    ? [testDatabaseFromEnv()]
    : ["sqlite", "postgres"];
const settle = (start: Promise<void>): Promise<unknown> =>
  start.then(
    () => undefined,
    (error: unknown) => error,
  );
// The first server starts now, awaited after the unit tests; a failure is caught where it is awaited.
let serverUp = integrationFiles.length > 0 ? settle(provision(databases[0]!)) : undefined;
try {
  if (unitFiles.length > 0) add(await runTests(unitFiles, 2));
  for (const [index, database] of databases.entries()) {
    if (integrationFiles.length === 0) break;
    if (index > 0) {
      await server?.stop();
      server = undefined;
      serverUp = settle(provision(database));
    }
    const failure = await serverUp;
    const passStarted = Date.now();
    if (failure !== undefined) {
      // No silent skip: a server that cannot be provisioned fails the run, saying why.
      process.stderr.write(
        `\nThe ${DATABASE_NAMES[database]} test server could not be started: ${(failure as Error).message}\n`,
      );
      add({ passed: 0, failed: 1 });
      continue;
    }
    const counts = await runTests(integrationFiles, 1);
    add(counts);
    if (databases.length > 1)
      process.stderr.write(
        `Integration tests on ${DATABASE_NAMES[database]}: ${counts.passed} passed, ${counts.failed} failed ` +
          `(${((Date.now() - passStarted) / 1000).toFixed(0)} s)\n`,
      );
  }
  await server?.stop();
  server = undefined;
  if (workerFiles.length > 0) {
    process.stderr.write("Worker tests (each file starts main, workers, Redis and nginx on PostgreSQL)...\n");
    const passStarted = Date.now();
    const counts = await runTests(workerFiles, 1);
    add(counts);
    process.stderr.write(
      `Worker tests: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - passStarted) / 1000).toFixed(0)} s)\n`,
    );
  }
} finally {
  await server?.stop();
}
if (total.failed > 0 || total.passed === 0) exitCode = 1;
process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
process.exitCode = exitCode;

async function runTests(testFiles: readonly string[], concurrency: number): Promise<Counts> {
  // Everything the tests write to the temporary directory (homes with their code
  // caches, packed tarballs, certificates) goes here and is removed afterwards.
  const scratch = mkdtempSync(join(tmpdir(), "synadm-tests-"));
  const tap = join(scratch, "results.tap");
  const args = [
    "--import",
    "tsx",
    "--test",
    `--test-concurrency=${concurrency}`,
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    ...testFiles,
  ];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...env, TMPDIR: scratch },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (status) => resolve(status ?? 1));
  });
  const report = readFileSync(tap, "utf8");
  rmSync(scratch, { recursive: true, force: true });
  const count = (label: string): number =>
    Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(report)?.[1] ?? 0);
  const failed = count("fail") + count("cancelled");
  // A runner that failed without a failed test (a file that did not load) still fails the run.
  return { passed: count("pass"), failed: code !== 0 && failed === 0 ? 1 : failed };
}
