import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { apiErrorFor, InvalidResponseError, TimeoutError } from "../../../src/api/errors.ts";
import { exitCodeOf, Findings, humanReport, reportOf } from "../../../src/cli/commands/doctor/findings.ts";
import { judgeOAuthToken } from "../../../src/cli/commands/doctor/oauth-token.ts";
import { judgeRoute, routeProbes } from "../../../src/cli/commands/doctor/routes.ts";

const request = { method: "GET", path: "/_synapse/admin/v1/media/example.org/x" };
const media = routeProbes("@admin:example.org", "example.org").find((probe) => probe.area === "media")!;
const judge = (error: unknown) => judgeRoute(media, { ok: false, error });

describe("doctor: what a probe's answer says about the route", () => {
  it("Synapse's own refusals prove the route reaches a process that serves the area", () => {
    for (const [status, errcode] of [
      [404, "M_NOT_FOUND"],
      [403, "M_FORBIDDEN"],
      [400, "M_INVALID_PARAM"],
    ] as const)
      assert.equal(judge(apiErrorFor(status, { errcode, error: "no" }, request)).severity, "ok");
    assert.equal(judgeRoute(media, { ok: true }).severity, "ok");
  });

  it("M_UNRECOGNIZED, a proxy's 502, an HTML page, a timeout: errors, each naming what to fix", () => {
    const unrecognized = judge(
      apiErrorFor(404, { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" }, request),
    );
    assert.equal(unrecognized.severity, "error");
    assert.match(unrecognized.message, /^media admin requests reach a process that does not serve them/);
    assert.match(unrecognized.action!, /^route \^\/_synapse\/admin\/v1\/media\/ to your media worker/);

    const gateway = judge(apiErrorFor(502, "<html>502 Bad Gateway</html>", request));
    assert.match(gateway.message, /not a running process behind it \(HTTP 502: a stopped worker\?\)/);
    assert.match(
      judge(apiErrorFor(404, "<html>Not Found</html>", request)).message,
      /not Synapse \(HTTP 404/,
    );
    assert.match(judge(new InvalidResponseError(request, 200, "got text/html")).message, /not Synapse/);
    assert.match(judge(new TimeoutError(request, 5000)).message, /no answer within 5 s/);
    const failing = judge(
      apiErrorFor(500, { errcode: "M_UNKNOWN", error: "Internal server error" }, request),
    );
    assert.match(failing.action!, /read the log of the process behind/);
  });
});

describe("doctor: the report", () => {
  it("the worst severity gives the exit code: 0, 0, 20, 21", () => {
    assert.deepEqual((["ok", "info", "warning", "error"] as const).map(exitCodeOf), [0, 0, 20, 21]);
  });

  it("groups findings worst first, actions under them, and escapes the server's text", () => {
    const findings = new Findings();
    findings.add("server", "ok", "answers");
    findings.add("scheduled-tasks", "warning", "1 failed: \u001b[31mred\u001b[0m", "look");
    findings.add("token", "error", "not an admin", "use an admin's token");
    const report = reportOf(findings, "https://m.example", Date.now());
    assert.equal(report.status, "error");
    assert.deepEqual(report.counts, { ok: 1, info: 0, warning: 1, error: 1 });
    const text = humanReport(report);
    assert.match(text, /^synadm doctor: https:\/\/m\.example: 1 error, 1 warning, 0 info, 1 ok/);
    assert.ok(text.indexOf("\nERROR\n") < text.indexOf("\nWARNING\n"));
    assert.ok(text.indexOf("\nWARNING\n") < text.indexOf("\nOK\n"));
    assert.match(text, /\n {2}token: not an admin\n {6}-> use an admin's token\n/);
    assert.ok(!text.includes("\u001b"), "no escape character reaches the terminal");
  });
});

describe("doctor: a token from synadm's OAuth cache", () => {
  const now = Date.parse("2026-12-03T08:00:00Z");
  const origin = { grant: "device_code" as const, cachePath: "/h/.cache/synadm/oauth-tokens.json" };

  it("says when it expires, and that it is renewed when it can be", () => {
    const judged = judgeOAuthToken({ ...origin, expiresAt: now + 3_600_000, refreshable: true }, now);
    assert.equal(judged.severity, "ok");
    assert.match(judged.message, /device login .* expires at 2026-12-03T09:00:00\.000Z and is renewed/);
  });

  it("warns when it expires within a day and cannot be refreshed, saying to log in again", () => {
    const soon = judgeOAuthToken({ ...origin, expiresAt: now + 3_600_000, refreshable: false }, now);
    assert.equal(soon.severity, "warning");
    assert.match(soon.message, /cannot be refreshed/);
    assert.equal(soon.action, "log in again: synadm mas login");
    const later = judgeOAuthToken({ ...origin, expiresAt: now + 3 * 86_400_000, refreshable: false }, now);
    assert.equal(later.severity, "ok");
    assert.match(
      judgeOAuthToken({ ...origin, expiresAt: undefined, refreshable: false }, now).message,
      /does not expire/,
    );
  });
});
