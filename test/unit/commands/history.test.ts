// history purge against a fake server: the warning for servers before 1.156,
// which purged local users' events even when told to keep them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runInProcess as run } from "../../support/in-process.ts";

const CONFIG = "base_url: https://hs.example.org\ntoken: syt_secret\nformat: json\n";
const PURGE = ["--batch", "history", "purge", "!room:example.org", "-d", "30", "--no-wait"];
const started = { json: { purge_id: "P1" } };
const version = (server_version: string) => ({ json: { server_version } });
const WARNING =
  /Warning: this server runs Synapse 1\.155\.0; before 1\.156 a purge deletes local users' events too/;

describe("history purge on older servers", () => {
  it("warns on stderr before purging when the server is older than 1.156", async () => {
    const result = await run(PURGE, { config: CONFIG, script: [version("1.155.0"), started] });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, WARNING);
    assert.deepEqual(
      result.transport.requests.map((request) => `${request.method} ${request.url.pathname}`),
      [
        "GET /_synapse/admin/v1/server_version",
        "POST /_synapse/admin/v1/purge_history/%21room%3Aexample.org",
      ],
    );
    assert.equal(JSON.parse(result.stdout).purge_id, "P1");
  });

  it("says nothing on 1.156 and later, and asks nothing with --delete-local", async () => {
    for (const answer of ["1.156.0", "1.160.0"]) {
      const result = await run(PURGE, { config: CONFIG, script: [version(answer), started] });
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /Warning/);
    }
    const local = await run([...PURGE, "--delete-local"], { config: CONFIG, script: [started] });
    assert.equal(local.code, 0, local.stderr);
    assert.doesNotMatch(local.stderr, /Warning/);
    assert.equal(local.transport.requests.length, 1);
  });

  it("warns when the version cannot be read, and purges all the same", async () => {
    const unread = { status: 404, json: { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" } };
    const result = await run(PURGE, { config: CONFIG, script: [unread, started] });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Warning: the server's version could not be read/);
  });

  it("warns in a dry run too, which purges nothing", async () => {
    const result = await run([...PURGE, "--dry-run"], { config: CONFIG, script: [version("1.155.0")] });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, WARNING);
    assert.equal(result.transport.requests.length, 1);
  });
});
