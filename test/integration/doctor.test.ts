import assert from "node:assert/strict";
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { homeWithConfig, parseJson, runCli } from "../support/cli.ts";
import { useFaultProxy } from "../support/fault-proxy.ts";
import { adminApi, configYaml, createUser, loginUser, testServer, uniquePrefix } from "../support/server.ts";
import { freePort } from "../support/synapse.ts";
import { startTlsProxy } from "../support/tls-proxy.ts";

interface Finding {
  check: string;
  severity: "ok" | "info" | "warning" | "error";
  message: string;
  action?: string;
}
interface Report {
  status: string;
  exit_code: number;
  counts: Record<string, number>;
  findings: Finding[];
}

const prefix = uniquePrefix();
const faulty = useFaultProxy();

async function doctor(home: string, ...args: string[]): Promise<{ code: number | null; report: Report }> {
  const result = await runCli(["-o", "json", "doctor", "--probe-timeout", "5", ...args], { home });
  // The findings are the report (stdout); a failure line would mean doctor itself failed.
  assert.doesNotMatch(result.stderr, /Error:/);
  const report = parseJson<Report>(result.stdout);
  assert.equal(report.exit_code, result.code, "the document's exit code is the process's");
  return { code: result.code, report };
}

const bad = (report: Report): Finding[] =>
  report.findings.filter((f) => f.severity === "warning" || f.severity === "error");
const withMessage = (report: Report, pattern: RegExp): Finding | undefined =>
  report.findings.find((f) => pattern.test(f.message));

describe("doctor", () => {
  it("reports the test server healthy: exit 0, every admin area routed, no warning", async () => {
    const home = homeWithConfig(configYaml());
    const { code, report } = await doctor(home);
    assert.deepEqual(bad(report), []);
    assert.equal(code, 0);
    assert.equal(report.status === "ok" || report.status === "info", true);
    const routing = report.findings.filter((f) => f.check === "routing");
    assert.equal(routing.length, 11);
    assert.ok(routing.every((f) => f.severity === "ok"));
    for (const wanted of [
      /the token is valid: it is @admin:/,
      /is a server admin/,
      /Synapse 1\.160\.\d+, the release this CLI follows/,
      /Synapse handles logins itself/,
      /no background update is running/,
      /no scheduled task failed/,
      /\(mode 600\)/,
    ])
      assert.ok(withMessage(report, wanted), `a finding matches ${wanted}`);

    // The default output (the configured format is yaml) is the report for reading, grouped by severity.
    const human = await runCli(["doctor"], { home });
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /^synadm doctor: http:\/\/localhost:\d+: 0 errors, 0 warnings, \d+ info, \d+ ok/,
    );
    assert.match(human.stdout, /\nOK\n {2}config: /);
    assert.doesNotMatch(human.stdout, /\nERROR\n|\nWARNING\n/);
  });

  it("an unreachable server: one error saying what to check, exit 21", async () => {
    const home = homeWithConfig(configYaml({ base_url: `http://127.0.0.1:${await freePort()}` }));
    const { code, report } = await doctor(home);
    assert.equal(code, 21);
    const finding = withMessage(report, /cannot be reached: ECONNREFUSED/);
    assert.equal(finding?.severity, "error");
    assert.match(finding?.action ?? "", /check base_url/);
    assert.equal(report.findings.filter((f) => f.check === "routing").length, 0, "nothing more is tried");
  });

  it("a token that is not a server admin's: an error, and routing is still checked", async () => {
    const localpart = `${prefix}-plain`;
    await createUser(localpart, "doctor-pass-1");
    const token = await loginUser(localpart, "doctor-pass-1");
    const { code, report } = await doctor(homeWithConfig(configYaml({ token })));
    assert.equal(code, 21);
    const finding = withMessage(report, /is not a server admin/);
    assert.equal(finding?.severity, "error");
    assert.match(finding?.action ?? "", /admin's token/);
    // Synapse's 403 comes from the servlet: the route reaches a process that serves it.
    assert.ok(report.findings.filter((f) => f.check === "routing").every((f) => f.severity === "ok"));
    assert.ok(withMessage(report, /were not checked: the token is not a server admin's/));
  });

  it("an invalid token: an error saying to log in again", async () => {
    const { code, report } = await doctor(homeWithConfig(configYaml({ token: "syt_not_a_real_token" })));
    assert.equal(code, 21);
    const finding = withMessage(report, /the access token is not valid \(M_UNKNOWN_TOKEN/);
    assert.equal(finding?.severity, "error");
  });

  it("a configuration file holding the token that others can read: an error naming chmod 600", async () => {
    const home = homeWithConfig(configYaml());
    const file = join(home, ".config", "synadm.yaml");
    chmodSync(file, 0o644);
    const { code, report } = await doctor(home);
    assert.equal(code, 21);
    assert.equal(report.findings.filter((f) => /others can read/.test(f.message)).length, 1, "said once");
    const finding = withMessage(report, /holds the access token and others can read it \(mode 644\)/);
    assert.equal(finding?.severity, "error");
    assert.equal(finding?.action, `chmod 600 ${file}, then replace the token if others may have read it`);
  });

  it("a token from SYNADM_TOKEN, none in the file: said where it comes from", async () => {
    const home = homeWithConfig(configYaml({ token: "" }));
    const result = await runCli(["-o", "json", "doctor"], {
      home,
      env: { SYNADM_TOKEN: process.env["SYNADM_TEST_TOKEN"]! },
    });
    assert.equal(result.code, 0, result.stdout);
    assert.ok(withMessage(parseJson<Report>(result.stdout), /the token comes from SYNADM_TOKEN/));
  });

  it("media requests sent to a process that does not serve them: the route to fix is named", async () => {
    faulty.proxy.inject("unrecognized", { pathPart: "/_synapse/admin/v1/media/", times: 1000 });
    const { code, report } = await doctor(faulty.home);
    assert.equal(code, 21);
    const errors = report.findings.filter((f) => f.severity === "error");
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0]!.message, /^media admin requests reach a process that does not serve them/);
    assert.equal(
      errors[0]!.action,
      "route ^/_synapse/admin/v1/media/ to your media worker (the media repository process; main if you run none)",
    );
    // Read-only: every request doctor sent was a GET.
    assert.ok(faulty.proxy.seen.length > 10);
    assert.deepEqual([...new Set(faulty.proxy.seen.map((r) => r.method))], ["GET"]);

    const human = await runCli(["doctor"], { home: faulty.home });
    assert.equal(human.code, 21);
    assert.match(
      human.stdout,
      /\nERROR\n {2}routing: media admin requests reach a process that does not serve them \(HTTP 404 M_UNRECOGNIZED: Unrecognized request\)\n {6}-> route \^\/_synapse\/admin\/v1\/media\/ to your media worker/,
    );
  });

  it("a stopped worker behind the proxy (502) and a proxy page (HTML): each named", async () => {
    const userMedia = `${encodeURIComponent(testServer().serverName)}/media?limit=1`;
    faulty.proxy.inject("502", { pathPart: userMedia, times: 1000 });
    faulty.proxy.inject("html-page", { pathPart: "/v1/event_reports", times: 1000 });
    const { code, report } = await doctor(faulty.home);
    assert.equal(code, 21);
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => f.message);
    assert.deepEqual(errors, [
      "user media admin requests reach the proxy but not a running process behind it (HTTP 502: a stopped worker?)",
      "event reports admin requests are answered by something that is not Synapse (HTTP 200, not JSON)",
    ]);
  });

  it("delegated auth, failing destinations, waiting reports and failed tasks: each reported with what to do", async () => {
    const day = 86_400_000;
    const destination = (name: string, failedAgo: number | null) => ({
      destination: name,
      retry_last_ts: Date.now(),
      retry_interval: failedAgo === null ? 0 : day,
      failure_ts: failedAgo === null ? null : Date.now() - failedAgo,
      last_successful_stream_ordering: null,
    });
    faulty.proxy.answer("/client/v1/auth_metadata", 200, { issuer: "https://auth.example.org/" });
    faulty.proxy.answer("/v1/federation/destinations", 200, {
      destinations: [
        destination("gone.example", 3 * day),
        destination("flaky.example", 60_000),
        destination("fine.example", null),
      ],
      total: 3,
    });
    faulty.proxy.answer("/v1/event_reports", 200, {
      event_reports: [{ id: 1, received_ts: Date.UTC(2026, 0, 2) }],
      total: 3,
    });
    faulty.proxy.answer("/v1/scheduled_tasks", 200, {
      scheduled_tasks: [
        {
          id: "t1",
          action: "shutdown_and_purge_room",
          status: "failed",
          timestamp_ms: Date.now(),
          resource_id: "!gone:synadm.test",
          result: null,
          error: "database unavailable",
        },
      ],
    });
    const { code, report } = await doctor(faulty.home);
    assert.equal(code, 20);
    const of = (check: string) => report.findings.filter((f) => f.check === check);
    assert.deepEqual(
      of("auth").map((f) => [f.severity, f.message.split(":")[0]]),
      [["info", "authentication is delegated (MAS) to https"]],
    );
    assert.match(of("auth")[0]!.message, /to https:\/\/auth\.example\.org\/: the token is that server's/);
    assert.deepEqual(
      of("federation").map((f) => [f.severity, f.message]),
      [["warning", "2 of 3 destinations are failing, 1 for more than a day: gone.example"]],
    );
    assert.match(of("federation")[0]!.action!, /synadm federation reset NAME/);
    assert.deepEqual(
      of("event-reports").map((f) => [f.severity, f.message, f.action]),
      [
        [
          "info",
          "3 event reports are waiting, the oldest since 2026-01-02T00:00:00.000Z",
          "synadm event-report list (delete handled ones: synadm event-report delete ID)",
        ],
      ],
    );
    assert.deepEqual(
      of("scheduled-tasks").map((f) => [f.severity, f.message]),
      [
        [
          "warning",
          "1 scheduled task failed: shutdown_and_purge_room !gone:synadm.test: database unavailable",
        ],
      ],
    );
  });

  it("a background update without progress between two reads: a warning, exit 20", async () => {
    faulty.proxy.inject("background-update-stuck", { pathPart: "/background_updates/status", times: 1000 });
    const started = Date.now();
    const { code, report } = await doctor(faulty.home, "--stuck-after", "1");
    assert.ok(Date.now() - started < 15_000);
    const warnings = bad(report);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(
      warnings[0]!.message,
      /^event_search_stuck_for_the_test \(master\) made no progress in 1 s \(50 items so far\): stuck\?/,
    );
    assert.equal(code, 20);
  });

  it("background updates disabled: a warning naming the command that resumes them", async () => {
    assert.equal((await adminApi("POST", "/v1/background_updates/enabled", { enabled: false })).status, 200);
    try {
      const { code, report } = await doctor(homeWithConfig(configYaml()));
      assert.equal(code, 20);
      const finding = withMessage(report, /^background updates are disabled/);
      assert.equal(finding?.severity, "warning");
      assert.equal(finding?.action, "synadm background-updates enable");
    } finally {
      await adminApi("POST", "/v1/background_updates/enabled", { enabled: true });
    }
  });

  it("TLS: a certificate not trusted is an error naming ca_file; one expiring within 14 days a warning", async () => {
    const tls = await startTlsProxy(testServer().baseUrl);
    try {
      const untrusted = await doctor(homeWithConfig(configYaml({ base_url: tls.url })));
      assert.equal(untrusted.code, 21);
      const refused = withMessage(
        untrusted.report,
        /the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not accepted/,
      );
      assert.equal(refused?.severity, "error");
      assert.match(refused?.action ?? "", /set ca_file/);

      // The test certificate is valid for one day.
      const trusted = await doctor(homeWithConfig(configYaml({ base_url: tls.url, ca_file: tls.certFile })));
      assert.equal(trusted.code, 20);
      const [expiring, ...others] = bad(trusted.report);
      assert.deepEqual(others, []);
      assert.match(expiring?.message ?? "", /^the TLS certificate expires .* \(0 days\)$/);
      assert.equal(expiring?.severity, "warning");
    } finally {
      await tls.close();
    }
  });
});
