// `mas doctor` against a real Synapse in MAS mode with the MAS stand-in as its MAS (set up as in
// mas-mode.test.ts): disagreements planted on either side behind the other's back are found,
// `--fix` repairs them (checked in the stand-in's records and in Synapse itself), a dry run
// changes nothing, and a repair run killed outright and resumed makes no repair twice.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli, startCli } from "../support/cli.ts";
import { doneLines, journals } from "../support/journals.ts";
import { type MasMode, useMasMode } from "../support/mas-mode.ts";
import type { SynapseServer } from "../support/synapse.ts";

const AS_TOKEN = "as_token_of_the_test_bridge";
const APPSERVICE = [
  "id: testbridge",
  "url: null",
  `as_token: ${AS_TOKEN}`,
  "hs_token: hs_token_of_the_test_bridge",
  "sender_localpart: bridgebot",
  "namespaces:",
  "  users: [{ exclusive: true, regex: '@bridge_.*:mas.test' }]",
  "",
].join("\n");
let server: SynapseServer;
let home = "";
const { standIn } = useMasMode({ appservices: [APPSERVICE], ready: seed });

async function seed(started: MasMode): Promise<void> {
  ({ server, home } = started);
  // A bridge's puppet, registered by the appservice: Synapse's alone, never MAS's.
  const registered = await fetch(`${server.baseUrl}/_matrix/client/v3/register`, {
    method: "POST",
    headers: { authorization: `Bearer ${AS_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      type: "m.login.application_service",
      username: "bridge_alice",
      inhibit_login: true,
    }),
  });
  assert.equal(registered.status, 200, await registered.text());
}

interface Finding {
  check: string;
  severity: string;
  user_id: string | null;
  mas_id: string | null;
  repair: string | null;
  fix?: string | null;
}
interface Report {
  status: string;
  exit_code: number;
  counts: Record<string, number>;
  repaired: number;
  compared: Record<string, number>;
  findings: Finding[];
  repairs?: {
    dry_run: boolean;
    done: unknown[];
    failed: unknown[];
    skipped: unknown[];
    not_started?: string[];
  };
}

/** `mas doctor` with these options after the command, as JSON. */
async function masDoctor(
  options: string[],
  input?: string,
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const global = options.filter((option) => option === "--batch");
  const own = options.filter((option) => option !== "--batch");
  const result = await runCli(["-o", "json", ...global, "mas", "doctor", ...own], {
    home,
    ...(input === undefined ? {} : { input }),
    timeoutMs: 120_000,
  });
  let report: Report;
  try {
    report = JSON.parse(result.stdout) as Report;
  } catch {
    throw new Error(`no report (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, report, stderr: result.stderr };
}

/** The disagreements (not the `accounts` summary) as `check severity localpart repair`. */
function disagreements(report: Report): string[] {
  return report.findings
    .filter((finding) => finding.check !== "accounts")
    .map((finding) =>
      [finding.check, finding.severity, finding.user_id, finding.repair].filter(Boolean).join(" "),
    );
}

const userId = (localpart: string): string => `@${localpart}:mas.test`;

async function synapseApi(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}/_synapse/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Synapse's own view, asked directly with the admin's token. */
interface SynapseAccount {
  deactivated: boolean;
  erased: boolean;
  locked: boolean;
  admin: boolean;
  displayname: string | null;
}
async function synapseUser(localpart: string): Promise<SynapseAccount | undefined> {
  const response = await synapseApi("GET", `/v2/users/${encodeURIComponent(userId(localpart))}`);
  return response.status === 404 ? undefined : ((await response.json()) as SynapseAccount);
}

/** Synapse's account, which must exist. */
async function synapseAccount(localpart: string): Promise<SynapseAccount> {
  const account = await synapseUser(localpart);
  assert.ok(account, `Synapse has no account ${localpart}`);
  return account;
}

/** Creates or changes an account in Synapse only, behind MAS's back. */
async function putSynapseUser(localpart: string, body: Record<string, unknown> = {}): Promise<void> {
  const response = await synapseApi("PUT", `/v2/users/${encodeURIComponent(userId(localpart))}`, body);
  assert.ok(response.status === 200 || response.status === 201, await response.text());
}

/** The stand-in's record of a MAS user, by username. */
function masRecord(username: string): Record<string, unknown> | undefined {
  return standIn.records("users").find((row) => row.attributes["username"] === username)?.attributes;
}

/** A user made through MAS (provisioned in Synapse too). */
async function masCreate(username: string): Promise<void> {
  const result = await runCli(["mas", "user", "create", username], { home });
  assert.equal(result.code, 0, result.stderr);
}

/** The stand-in's write operations answered so far. */
const writes = (): number => standIn.requests.filter((request) => request.method !== "GET").length;

describe("mas doctor against Synapse in MAS mode", () => {
  it("a split-brain account made in Synapse alone is found; --fix (answered yes) adopts it in MAS; then healthy", async () => {
    await putSynapseUser("split", { displayname: "Split Brain" });
    assert.equal(masRecord("split"), undefined);

    const found = await masDoctor([]);
    assert.equal(found.code, 21, found.stderr);
    assert.equal(found.report.status, "error");
    // The bridge's puppet is its own (Synapse's details name the appservice): counted, not reported.
    assert.equal(found.report.compared.appservice_accounts_left_out, 1);
    assert.ok(!JSON.stringify(found.report.findings).includes("bridge_"));
    // The set-up's admin was made admin in MAS, which never tells Synapse's own flag.
    assert.deepEqual(disagreements(found.report), [
      "admin info @masadmin:mas.test grant-admin-in-synapse",
      "only-in-synapse error @split:mas.test create-in-mas",
    ]);

    // For reading by default: grouped by severity, the action under the finding.
    const human = await runCli(["mas", "doctor"], { home, timeoutMs: 120_000 });
    assert.equal(human.code, 21, human.stderr);
    assert.match(human.stdout, /^synadm mas doctor: .* \d+ error\(s\)/);
    assert.match(human.stdout, /\nERROR\n {2}only-in-synapse: @split:mas\.test is active in Synapse/);
    assert.match(human.stdout, /\n {6}-> synadm mas doctor --fix creates it in MAS/);

    const fixed = await masDoctor(["--fix"], "y\n");
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stderr, /Make these \d+ repair\(s\)/);
    assert.equal(fixed.report.status, "ok");
    const split = fixed.report.findings.find((finding) => finding.user_id === userId("split"));
    assert.equal(split?.fix, "done");

    // MAS has it now, made as an adoption of the existing account; Synapse's account is as it was.
    assert.equal(masRecord("split")?.["deactivated_at"], null);
    assert.equal(masRecord("bridge_alice"), undefined, "the bridge's puppet stays out of MAS");
    const create = standIn.requests.find(
      (request) =>
        request.operationId === "createUser" &&
        (request.requestBody as { username?: string } | undefined)?.username === "split",
    );
    assert.deepEqual(create?.requestBody, { username: "split", skip_homeserver_check: true });
    assert.equal(create?.status, 201);
    const account = await synapseAccount("split");
    assert.equal(account.deactivated, false);
    assert.equal(account.displayname, "Split Brain");

    const again = await masDoctor([]);
    assert.equal(again.code, 0, JSON.stringify(again.report.findings));
    assert.deepEqual(disagreements(again.report), []);
    assert.deepEqual(journals(home), [], "a finished run leaves no journal");
  });

  it("every other kind is found; --dry-run changes nothing; --batch --fix repairs them all", async () => {
    // Only in MAS: users MAS made without the homeserver hearing of them.
    standIn.seedUser("masonly");
    standIn.seedUser("masheld", { locked_at: "2026-08-01T00:00:00Z", admin: true });
    standIn.seedUser("masgone", { deactivated_at: "2026-08-01T00:00:00Z" });
    // Deactivated in Synapse before MAS took over: only reported.
    await putSynapseUser("oldsyn");
    assert.equal(
      (await synapseApi("POST", `/v1/deactivate/${userId("oldsyn")}`, { erase: false })).status,
      200,
    );
    // Deactivated on one side only.
    for (const name of ["deacmas", "deacsyn", "lockme", "lockmas", "boss", "exboss"]) await masCreate(name);
    masRecord("deacmas")!["deactivated_at"] = "2026-08-02T00:00:00Z";
    assert.equal(
      (await synapseApi("POST", `/v1/deactivate/${userId("deacsyn")}`, { erase: false })).status,
      200,
    );
    // Locked on one side only.
    await putSynapseUser("lockme", { locked: true });
    masRecord("lockmas")!["locked_at"] = "2026-08-02T00:00:00Z";
    // Admin on one side only (MAS's set-admin never reaches Synapse).
    assert.equal((await runCli(["--batch", "mas", "user", "set-admin", "boss"], { home })).code, 0);
    await putSynapseUser("exboss", { admin: true });

    const found = await masDoctor([]);
    assert.equal(found.code, 21);
    assert.deepEqual(disagreements(found.report).sort(), [
      "admin info @boss:mas.test grant-admin-in-synapse",
      "admin warning @exboss:mas.test revoke-admin-in-synapse",
      "deactivated error @deacmas:mas.test deactivate-in-synapse",
      "deactivated error @deacsyn:mas.test deactivate-in-mas",
      "locked warning @lockmas:mas.test lock-in-synapse",
      "locked warning @lockme:mas.test unlock-in-synapse",
      "only-in-mas error @masheld:mas.test create-in-synapse",
      "only-in-mas error @masonly:mas.test create-in-synapse",
      "only-in-mas info @masgone:mas.test",
      "only-in-synapse info @oldsyn:mas.test",
    ]);
    assert.deepEqual(found.report.counts, { ok: 1, info: 3, warning: 3, error: 4 });

    // The repairs are previewed on stderr; the report, on stdout, says none was made.
    const humanDry = await runCli(["--batch", "mas", "doctor", "--fix", "--dry-run"], {
      home,
      timeoutMs: 120_000,
    });
    assert.equal(humanDry.code, 21, humanDry.stderr);
    assert.match(humanDry.stderr, /^8 repair\(s\):\n {2}grant-admin-in-synapse @boss:mas\.test\n/);
    assert.match(
      humanDry.stdout,
      /\n {2}only-in-mas: @masonly:mas\.test is active in MAS .* \[repair dry run\]\n/,
    );
    assert.match(humanDry.stdout, /\nmas doctor --fix: dry run, 8 would be done, nothing changed\.\n$/);
    const before = writes();
    const dry = await masDoctor(["--batch", "--fix", "--dry-run"]);
    assert.equal(dry.code, 21, dry.stderr);
    assert.equal(dry.report.repairs?.dry_run, true);
    assert.equal(dry.report.repairs?.not_started?.length, 8);
    assert.ok(
      dry.report.findings.filter((finding) => finding.repair).every((finding) => finding.fix === "dry run"),
    );
    assert.equal(writes(), before, "a dry run sends MAS nothing that changes");
    assert.equal(await synapseUser("masonly"), undefined);
    assert.equal((await synapseAccount("deacmas")).deactivated, false);
    assert.equal((await synapseAccount("lockme")).locked, true);
    assert.equal((await synapseAccount("boss")).admin, false);
    assert.deepEqual(journals(home), []);

    const fixed = await masDoctor(["--batch", "--fix"]);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(fixed.report.repairs?.done.length, 8, JSON.stringify(fixed.report.repairs));
    assert.deepEqual(fixed.report.repairs?.failed, []);

    // Synapse's side.
    assert.equal((await synapseAccount("masonly")).deactivated, false);
    const held = await synapseAccount("masheld");
    assert.equal(held.locked, true);
    assert.equal(held.admin, true);
    assert.equal(await synapseUser("masgone"), undefined, "a user deactivated in MAS is not made in Synapse");
    assert.equal((await synapseAccount("deacmas")).deactivated, true);
    assert.equal((await synapseAccount("deacmas")).erased, false);
    assert.equal((await synapseAccount("lockme")).locked, false);
    assert.equal((await synapseAccount("lockmas")).locked, true);
    assert.equal((await synapseAccount("boss")).admin, true);
    assert.equal((await synapseAccount("exboss")).admin, false);
    // MAS's side: deactivated, without erasing (Synapse already holds the deactivation).
    assert.ok(masRecord("deacsyn")?.["deactivated_at"]);
    const deactivation = standIn.requests.filter((request) => request.operationId === "deactivateUser");
    assert.deepEqual(
      deactivation.map((request) => request.requestBody),
      [{ skip_erase: true }],
    );
    assert.equal(masRecord("lockme")?.["locked_at"], null, "MAS is not changed where Synapse follows it");

    const again = await masDoctor([]);
    assert.equal(again.code, 0, JSON.stringify(again.report.findings));
    assert.deepEqual(disagreements(again.report).sort(), [
      "only-in-mas info @masgone:mas.test",
      "only-in-synapse info @oldsyn:mas.test",
    ]);
  });

  it("a repair run killed outright (kill -9) and resumed makes every repair once, none twice", async () => {
    // Enough repairs, one at a time, that the kill lands while most are still to do.
    const names = Array.from({ length: 150 }, (_, i) => `crash${String(i).padStart(3, "0")}`);
    // Made a few at a time: Synapse's own rate is the limit, not the test's loop.
    for (let i = 0; i < names.length; i += 10)
      await Promise.all(names.slice(i, i + 10).map((name) => putSynapseUser(name)));
    const args = ["-o", "json", "--batch", "mas", "doctor", "--fix", "--concurrency", "1"];
    const first = startCli(args, { home, timeoutMs: 120_000 });
    for (let waited = 0; ; waited += 10) {
      const [journal] = journals(home);
      const done = journal ? doneLines(journal) : 0;
      if (done >= 3) break;
      assert.ok(waited < 60_000, "the run never got going");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill("SIGKILL");
    await first.result;
    const made = names.filter((name) => masRecord(name)).length;
    assert.ok(made >= 3 && made < names.length, `killed part-way: ${made} of ${names.length} made`);

    // The same command line without --resume does not start over by accident.
    const again = await runCli(args, { home, timeoutMs: 120_000 });
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /add --resume to go on with it, or --restart to start over/);

    const resumed = await runCli([...args, "--resume"], { home, timeoutMs: 120_000 });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /Resuming the run started .*: \d+ of 150 done/);
    const report = JSON.parse(resumed.stdout) as Report;
    assert.deepEqual(report.repairs?.failed, []);
    assert.equal((report.repairs?.done.length ?? 0) + (report.repairs?.skipped.length ?? 0), 150);

    const synapseStates = await Promise.all(names.map((name) => synapseAccount(name)));
    assert.ok(synapseStates.every((account) => !account.deactivated));
    for (const name of names) {
      const creations = standIn.requests.filter(
        (request) =>
          request.operationId === "createUser" &&
          (request.requestBody as { username?: string } | undefined)?.username === name,
      );
      assert.deepEqual(
        creations.map((request) => request.status),
        [201],
        `${name} created in MAS exactly once`,
      );
    }
    assert.deepEqual(journals(home), [], "a finished run leaves no journal");
    const healthy = await masDoctor([]);
    assert.equal(healthy.code, 0, JSON.stringify(healthy.report.findings));
  });

  it("a repair the server refuses fails the run after the report; --resume tries it again, checked first", async () => {
    // A username MAS would not allow either; Synapse refuses it as a localpart.
    standIn.seedUser("Bad Name");
    const failed = await masDoctor(["--batch", "--fix"]);
    assert.equal(failed.code, 1, failed.stderr);
    assert.equal(failed.report.repairs?.failed.length, 1);
    assert.equal(failed.report.findings.find((finding) => finding.fix)?.fix, "failed");
    assert.equal(failed.report.status, "error", "what failed still stands");
    assert.match(
      failed.stderr.trim().split("\n").at(-1)!,
      /^Error: 1 of 1 failed; run the same command with --resume to try them again$/,
    );
    assert.equal(journals(home).length, 1, "the failure is kept for --resume");

    // Deactivated in MAS since: the retried repair finds nothing left to do.
    masRecord("Bad Name")!["deactivated_at"] = "2026-08-03T00:00:00Z";
    const resumed = await masDoctor(["--batch", "--fix", "--resume"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(resumed.report.repairs?.skipped, [
      { repair: "create-in-synapse @Bad Name:mas.test", reason: "no longer active in MAS" },
    ]);
    assert.equal(await synapseUser("Bad Name"), undefined);
    assert.deepEqual(journals(home), []);
  });

  it("names from the servers are escaped for the terminal; the options that need --fix say so", async () => {
    standIn.seedUser("evil\u001b[2Jname", { deactivated_at: "2026-08-01T00:00:00Z" });
    const human = await runCli(["mas", "doctor"], { home, timeoutMs: 120_000 });
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /\nINFO\n/);
    assert.ok(human.stdout.includes("only-in-mas: @evil"), human.stdout);
    assert.ok(!human.stdout.includes("\u001b"), "no raw escape reaches the terminal");

    const json = await masDoctor([]);
    assert.ok(json.report.findings.some((finding) => finding.user_id === "@evil\u001b[2Jname:mas.test"));

    // The findings are the records of the record formats.
    const ndjson = await runCli(["-o", "ndjson", "mas", "doctor"], { home, timeoutMs: 120_000 });
    assert.equal(ndjson.code, 0, ndjson.stderr);
    const records = ndjson.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Finding);
    assert.deepEqual(records, json.report.findings);
    const csv = await runCli(["-o", "csv", "mas", "doctor"], { home, timeoutMs: 120_000 });
    assert.equal(csv.code, 0, csv.stderr);
    const [header, ...rows] = csv.stdout.trim().split("\n");
    assert.equal(header, "check,severity,user_id,mas_id,message,action,repair");
    assert.equal(rows.length, records.length);

    const refused = await runCli(["mas", "doctor", "--resume"], { home });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--dry-run, --resume and --restart go with --fix/);
  });
});
