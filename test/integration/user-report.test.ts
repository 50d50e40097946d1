import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseCsv } from "../../src/cli/runtime/csv.ts";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, clientApi, createUser, loginUser, mxid, uniquePrefix } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;
const LOCAL_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

interface Report {
  id: number;
  received_ts: number;
  target_user_id: string;
  user_id: string;
  reason: string;
}
type ReportList = { user_reports: Report[]; next_token?: number; total: number };

async function ok(...args: string[]): Promise<string> {
  const result = await synadm(...args);
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

// Reports through the client API (synapse/rest/client/reporting.py, MSC4260).
async function report(token: string, target: string, reason: string): Promise<void> {
  const answer = await clientApi(token, "POST", `/users/${enc(mxid(target))}/report`, { reason });
  assert.equal(answer.status, 200, JSON.stringify(answer.json));
}

describe("user-report", () => {
  const reporter = `${prefix}reporter`;
  const other = `${prefix}other`;
  const target = `${prefix}target`;
  const list = async (...extra: string[]): Promise<ReportList> =>
    json<ReportList>(await ok("user-report", "list", "-t", target, ...extra));

  before(async () => {
    for (const user of [reporter, other, target]) await createUser(user, "pw");
    const [reporterToken, otherToken] = [await loginUser(reporter, "pw"), await loginUser(other, "pw")];
    await report(reporterToken, target, "first: spam");
    await report(otherToken, target, "second: abuse");
    await report(reporterToken, other, "about someone else");
  });

  it("list shows the reports of one target, newest first, and filters by reporter", async () => {
    const { user_reports, total } = await list();
    assert.equal(total, 2);
    assert.deepEqual(
      user_reports.map((r) => [r.reason, r.user_id, r.target_user_id]),
      [
        ["second: abuse", mxid(other), mxid(target)],
        ["first: spam", mxid(reporter), mxid(target)],
      ],
    );
    assert.deepEqual(
      (await list("--reverse")).user_reports.map((r) => r.reason),
      ["first: spam", "second: abuse"],
    );
    const byReporter = json<ReportList>(await ok("user-report", "list", "-u", reporter));
    assert.deepEqual(byReporter.user_reports.map((r) => r.reason).sort(), [
      "about someone else",
      "first: spam",
    ]);
  });

  it("list pages with -l and --from, and --all follows every page", async () => {
    const result = await synadm("user-report", "list", "-t", target, "-l", "1");
    assert.equal(result.code, 0, result.stderr);
    const page = json<ReportList>(result.stdout);
    assert.deepEqual([page.user_reports.length, page.next_token, page.total], [1, 1, 2]);
    assert.match(result.stderr, /More reports: use --from 1, or --all/);
    const second = await list("-l", "1", "--from", "1");
    assert.deepEqual([second.user_reports[0]!.reason, second.next_token], ["first: spam", undefined]);
    const all = await list("-l", "1", "--all");
    assert.deepEqual(
      [all.total, all.user_reports.map((r) => r.reason)],
      [2, ["second: abuse", "first: spam"]],
    );
  });

  it("every output format prints the same reports", async () => {
    const { user_reports: reports } = await list("--ts");
    const ndjson = await ok("-o", "ndjson", "user-report", "list", "-t", target, "--ts", "--all", "-l", "1");
    assert.deepEqual(
      ndjson
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
      reports,
    );
    const [header, ...rows] = parseCsv(
      await ok("-o", "csv", "--raw-cells", "user-report", "list", "-t", target, "--ts"),
    ).map((row) => row.fields);
    assert.deepEqual(
      rows.map((row) => Object.fromEntries(header!.map((key, i) => [key, row[i]]))),
      reports.map((r) => Object.fromEntries(Object.entries(r).map(([key, value]) => [key, String(value)]))),
    );
    const tsv = await ok("-o", "tsv", "user-report", "list", "-t", target, "--ts");
    assert.equal(tsv.trim().split("\n").length, 3);
    const yaml = await ok("-o", "yaml", "user-report", "list", "-t", target);
    for (const r of reports) assert.ok(yaml.includes(r.reason), yaml);
    const minified = JSON.parse(await ok("-o", "minified", "user-report", "list", "-t", target, "--ts"));
    assert.deepEqual(minified.user_reports, reports);
    const pprint = await ok("-o", "pprint", "user-report", "list", "-t", target);
    assert.match(pprint, /'user_reports'/);
    const human = await ok("-o", "human", "user-report", "list", "-t", target);
    for (const r of reports) assert.ok(human.includes(r.reason) && human.includes(r.user_id), human);
    assert.match(human, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, "human shows local times");
  });

  it("list --datetime shows local times, --ts the server's epochs", async () => {
    for (const r of (await list("--datetime")).user_reports) assert.match(String(r.received_ts), LOCAL_TIME);
    for (const r of (await list("--ts")).user_reports) assert.equal(typeof r.received_ts, "number");
  });

  it("show prints one report; delete asks first, --dry-run keeps it, --batch deletes it", async () => {
    const [newest] = (await list()).user_reports;
    const shown = json<Report>(await ok("user-report", "show", String(newest!.id), "--ts"));
    assert.deepEqual(shown, { ...newest, received_ts: shown.received_ts });
    assert.equal(typeof shown.received_ts, "number");
    const local = json<Report>(await ok("user-report", "show", String(newest!.id), "--datetime"));
    assert.match(String(local.received_ts), LOCAL_TIME);

    assert.equal((await synadm("user-report", "delete", String(newest!.id))).code, 10);
    assert.equal((await synadm("user-report", "delete", String(newest!.id), "--dry-run")).code, 0);
    assert.equal((await adminApi("GET", `/v1/user_reports/${newest!.id}`)).status, 200);
    assert.equal((await synadm("--batch", "user-report", "delete", String(newest!.id))).code, 0);
    assert.equal((await adminApi("GET", `/v1/user_reports/${newest!.id}`)).status, 404);
    assert.equal((await list()).total, 1);
    assert.equal((await synadm("user-report", "show", String(newest!.id))).code, 1);
    assert.equal((await synadm("user-report", "show", "not-a-number")).code, 2);
  });
});
