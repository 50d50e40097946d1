// Against a worker deployment (main, a generic worker, a media worker, Redis,
// nginx; test/support/workers.ts): admin requests reach the right process
// through nginx, and doctor names a wrong route and a stopped worker.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { homeWithConfig, parseJson, runCli } from "../support/cli.ts";
import { startWorkerDeployment, type WorkerDeployment } from "../support/workers.ts";

interface Finding {
  check: string;
  severity: string;
  message: string;
  action?: string;
}

let deployment: WorkerDeployment;
let home: string;

before(async () => {
  deployment = await startWorkerDeployment();
  home = homeWithConfig(
    [`base_url: ${deployment.baseUrl}`, `token: ${deployment.adminToken}`, "format: json", ""].join("\n"),
  );
});
after(async () => {
  await deployment?.stop();
});

const synadm = (...args: string[]) => runCli(args, { home });

async function doctor(): Promise<{ code: number | null; findings: Finding[] }> {
  const result = await synadm("-o", "json", "doctor", "--probe-timeout", "5");
  const report = parseJson<{ exit_code: number; findings: Finding[] }>(result.stdout);
  assert.equal(report.exit_code, result.code);
  return { code: result.code, findings: report.findings };
}

async function uploadThroughNginx(body: string): Promise<string> {
  const upload = await fetch(`${deployment.baseUrl}/_matrix/media/v3/upload?filename=w.txt`, {
    method: "POST",
    headers: { authorization: `Bearer ${deployment.adminToken}`, "content-type": "text/plain" },
    body,
  });
  assert.equal(upload.status, 200);
  return ((await upload.json()) as { content_uri: string }).content_uri;
}

const problems = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity === "warning" || f.severity === "error");

describe("a worker deployment behind nginx", () => {
  it("doctor reports it healthy: every admin area reaches a process that serves it", async () => {
    const { code, findings } = await doctor();
    assert.deepEqual(problems(findings), []);
    assert.equal(code, 0);
    assert.equal(findings.filter((f) => f.check === "routing" && f.severity === "ok").length, 11);
  });

  it("media admin requests through nginx reach the media worker: the admin's upload is listed", async () => {
    const content_uri = await uploadThroughNginx("uploaded through nginx to the media worker");
    const listed = await synadm("user", "media", "admin");
    assert.equal(listed.code, 0, listed.stderr);
    const { media } = parseJson<{ media: Array<{ media_id: string }> }>(listed.stdout);
    assert.ok(
      media.some((item) => content_uri.endsWith(`/${item.media_id}`)),
      listed.stdout,
    );
  });

  it("quarantine through nginx runs on the media worker (a writer of quarantined_media_changes)", async () => {
    const uri = await uploadThroughNginx("to be quarantined");
    const quarantined = await synadm("--batch", "media", "quarantine", "-U", uri);
    assert.equal(quarantined.code, 0, quarantined.stderr);
    const info = await synadm("media", "info", uri);
    assert.equal(info.code, 0, info.stderr);
    assert.ok(
      parseJson<{ media_info: { quarantined_by: string | null } }>(info.stdout).media_info.quarantined_by,
    );
  });

  it("room delete is followed to its end while the task runs on the generic worker", async () => {
    const created = await fetch(`${deployment.baseUrl}/_matrix/client/v3/createRoom`, {
      method: "POST",
      headers: { authorization: `Bearer ${deployment.adminToken}` },
      body: JSON.stringify({ name: "deleted by a worker" }),
    });
    const { room_id } = (await created.json()) as { room_id: string };
    const deleted = await runCli(["--batch", "room", "delete", room_id], { home, timeoutMs: 90_000 });
    assert.equal(deleted.code, 0, deleted.stderr);
    const { status } = parseJson<{ status: string }>(deleted.stdout);
    assert.equal(status, "complete", deleted.stdout);
    const details = await synadm("room", "details", room_id);
    assert.notEqual(details.code, 0, "the room is gone");
  });

  it("nginx without the media routes: doctor names the two routes to send to the media worker", async () => {
    await deployment.reconfigureNginx("media-to-main");
    try {
      const { code, findings } = await doctor();
      assert.equal(code, 21);
      assert.deepEqual(
        problems(findings).map((f) => [f.severity, f.message, f.action]),
        [
          [
            "error",
            "media admin requests reach a process that does not serve them (HTTP 404 M_UNRECOGNIZED: Unrecognized request)",
            "route ^/_synapse/admin/v1/media/ to your media worker (the media repository process; main if you run none)",
          ],
          [
            "error",
            "user media admin requests reach a process that does not serve them (HTTP 404 M_UNRECOGNIZED: Unrecognized request)",
            "route ^/_synapse/admin/v1/users/.*/media$ to your media worker (the media repository process; main if you run none)",
          ],
        ],
      );
    } finally {
      await deployment.reconfigureNginx("documented");
    }
  });

  it("a stopped media worker: doctor says nginx reaches no running process for media", async () => {
    await deployment.stopWorker("media1");
    const { code, findings } = await doctor();
    assert.equal(code, 21);
    assert.deepEqual(
      problems(findings).map((f) => f.message),
      [
        "media admin requests reach the proxy but not a running process behind it (HTTP 502: a stopped worker?)",
        "user media admin requests reach the proxy but not a running process behind it (HTTP 502: a stopped worker?)",
      ],
    );
  });
});
