import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError, homeWithConfig, runCli } from "../support/cli.ts";
import { type Fault, useFaultProxy } from "../support/fault-proxy.ts";
import { adminApi, configYaml, createUser, mxid, testServer, uniquePrefix } from "../support/server.ts";

const prefix = uniquePrefix();
const faulty = useFaultProxy();
const synadm = (...args: string[]) => runCli(["--timeout", "2", ...args], { home: faulty.home });
const versionRequests = () => faulty.proxy.seen.filter((r) => r.path.endsWith("/v1/server_version")).length;

describe("faults on a read (GET)", () => {
  const recovered: Fault[] = [
    "429-retry-after-ms",
    "429-retry-after-header",
    "502",
    "503",
    "504",
    "reset-after-forwarding",
    "truncated",
  ];
  for (const fault of recovered) {
    it(`${fault}: retried, then succeeds`, async () => {
      faulty.proxy.inject(fault, { pathPart: "/server_version" });
      const result = await synadm("version");
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, '{\n    "server_version": "1.160.0"\n}\n');
      assert.equal(versionRequests(), 2);
    });
  }

  const failures: Array<[Fault, number, RegExp, number]> = [
    ["500", 1, /HTTP 500 M_UNKNOWN: Internal server error/, 1],
    [
      "invalid-json",
      7,
      /invalid response \(HTTP 200\): expected JSON, got application\/json: "\{not json"/,
      1,
    ],
    ["html-page", 7, /invalid response \(HTTP 200\): expected JSON, got text\/html/, 1],
    ["redirect", 1, /HTTP 302 \(redirected to https:\/\/elsewhere\.example\/.*; is base_url right\?\)/, 1],
  ];
  for (const [fault, code, message, requests] of failures) {
    it(`${fault}: one clear line, exit ${code}, not retried`, async () => {
      faulty.proxy.inject(fault, { pathPart: "/server_version" });
      const result = await synadm("version");
      assert.equal(result.code, code, result.stderr);
      assert.equal(result.stdout, "");
      assertOneLineError(result.stderr, message, testServer().token);
      assert.equal(versionRequests(), requests);
    });
  }

  it("a gateway error that persists: retried twice, then one clear line", async () => {
    faulty.proxy.inject("502", { pathPart: "/server_version", times: 10 });
    const result = await synadm("version");
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /HTTP 502$/);
    assert.equal(versionRequests(), 3);
  });

  it("a stall past --timeout: retried, then reported with the time allowed", async () => {
    faulty.proxy.inject("stall", { pathPart: "/server_version", times: 10 });
    const result = await runCli(["--timeout", "1", "version"], { home: faulty.home });
    assert.equal(result.code, 6);
    assertOneLineError(result.stderr, /no response within 1 s/);
    assert.equal(versionRequests(), 3);
  });

  it("the configuration's timeout is honoured too", async () => {
    faulty.proxy.inject("stall", { pathPart: "/server_version", times: 10 });
    const slowHome = homeWithConfig(configYaml({ base_url: faulty.proxy.url, timeout: 1 }));
    const result = await runCli(["version"], { home: slowHome });
    assert.equal(result.code, 6);
    assertOneLineError(result.stderr, /no response within 1 s/);
  });
});

describe("faults on a write (POST)", () => {
  const tokenExists = async (token: string) =>
    (await adminApi("GET", `/v1/registration_tokens/${token}`)).status === 200;
  const create = (token: string) =>
    synadm("raw", "-m", "post", "v1/registration_tokens/new", "-d", JSON.stringify({ token }));
  const posts = () => faulty.proxy.seen.filter((r) => r.method === "POST").length;

  it("a gateway error is not retried: the POST may have been carried out", async () => {
    faulty.proxy.inject("503", { method: "POST" });
    const token = `${prefix}gw`;
    const result = await create(token);
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /POST .* failed: HTTP 503/);
    assert.equal(posts(), 1);
    assert.equal(await tokenExists(token), false);
  });

  it("a connection lost after the server acted is not retried, and says so", async () => {
    faulty.proxy.inject("reset-after-forwarding", { method: "POST" });
    const token = `${prefix}reset`;
    const result = await create(token);
    assert.equal(result.code, 6);
    assertOneLineError(result.stderr, /broke after the request was sent, so it may have been carried out/);
    assert.equal(posts(), 1);
    assert.equal(await tokenExists(token), true);
  });

  it("a rate limit is retried: the request was refused before any work", async () => {
    faulty.proxy.inject("429-retry-after-ms", { method: "POST", times: 2 });
    const token = `${prefix}rl`;
    const result = await create(token);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(posts(), 3);
    assert.equal(await tokenExists(token), true);
  });
});

describe("faults during a bulk command", () => {
  const deactivated = async (localpart: string) =>
    (
      (await adminApi("GET", `/v2/users/${encodeURIComponent(mxid(localpart))}`)).json as {
        deactivated: boolean;
      }
    ).deactivated;

  it("rate limits on some deactivations lose nothing", async () => {
    for (const n of [1, 2, 3]) await createUser(`${prefix}bulk${n}`, "pw");
    faulty.proxy.inject("429-retry-after-ms", { pathPart: "/v1/deactivate/", times: 2 });
    const result = await synadm("--batch", "user", "deactivate-regex", `@${prefix}bulk`);
    assert.equal(result.code, 0, result.stderr);
    // synadm's document: one answer per user, none of them an error.
    const answers = JSON.parse(result.stdout) as Array<{ user_id: string; error?: string }>;
    assert.equal(answers.length, 3);
    assert.ok(
      answers.every((answer) => answer.error === undefined && answer.user_id),
      result.stdout,
    );
    for (const n of [1, 2, 3]) assert.equal(await deactivated(`${prefix}bulk${n}`), true);
  });

  it("a permanent failure is reported per item, the rest goes on, and the exit code says so", async () => {
    for (const n of [1, 2, 3]) await createUser(`${prefix}part${n}`, "pw");
    faulty.proxy.inject("500", { pathPart: `/v1/deactivate/${encodeURIComponent(mxid(`${prefix}part2`))}` });
    const result = await synadm("--batch", "user", "deactivate-regex", `@${prefix}part`, "--summary");
    assert.equal(result.code, 1);
    const summary = JSON.parse(result.stdout) as {
      done: unknown[];
      failed: Array<{ user_id: string; error: string }>;
    };
    assert.deepEqual(
      summary.failed.map((f) => f.user_id),
      [mxid(`${prefix}part2`)],
    );
    assert.match(summary.failed[0]!.error, /HTTP 500/);
    assert.equal(await deactivated(`${prefix}part1`), true);
    assert.equal(await deactivated(`${prefix}part2`), false);
    assert.equal(await deactivated(`${prefix}part3`), true);
    assert.match(result.stderr, /1 of 3 failed; run the same command with --resume to try them again/);
  });
});
