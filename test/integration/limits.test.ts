// Waits, sizes, loops and IDs, through the built CLI: against a hostile local
// server (huge and endless answers, endless pagination, long Retry-After) and,
// through the fault proxy, against the real Synapse.
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { assertOneLineError, homeWithConfig, runCli } from "../support/cli.ts";
import { useFaultProxy } from "../support/fault-proxy.ts";
import { userSummary } from "../support/fixtures.ts";
import { adminApi, configYaml, createUser, mxid, testServer, uniquePrefix } from "../support/server.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local homeserver impostor: each test says how it answers. */
class HostileServer {
  handler: Handler = (_req, res) => res.end("{}");
  requests = 0;
  #server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      req.resume();
      // The question whether auth is delegated gets a Synapse's answer without MAS: the
      // hostility under test is in the admin API's answers.
      if (req.url?.endsWith("/auth_metadata")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ errcode: "M_UNRECOGNIZED", error: "Unrecognized request" }));
        return;
      }
      this.requests++;
      this.handler(req, res);
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const hostile = new HostileServer();
let hostileHome: string;
const againstHostile = (...args: string[]) => runCli(args, { home: hostileHome, timeoutMs: 20_000 });

before(async () => {
  await hostile.start();
  hostileHome = homeWithConfig(
    configYaml({ format: "json", base_url: hostile.url, homeserver: "example.org" }),
  );
});
after(() => hostile.stop());
beforeEach(() => {
  hostile.requests = 0;
});

describe("answers too large (hostile server)", () => {
  it("a 600 MB answer fails at once with one line, exit 7, without reading it", async () => {
    hostile.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(600 * 2 ** 20) });
      res.write('{"server_version": "');
    };
    const result = await againstHostile("version");
    assert.equal(result.code, 7, result.stderr);
    assert.equal(result.stdout, "");
    assertOneLineError(result.stderr, /the answer is larger than the limit of 64 MiB$/, testServer().token);
    assert.equal(hostile.requests, 1);
  });

  it("an endless answer stops at --max-response-mib", async () => {
    hostile.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"users": [');
      const item = `${JSON.stringify({ name: "@x:example.org" })},`.repeat(1000);
      const timer = setInterval(() => res.write(item), 1);
      res.on("close", () => clearInterval(timer));
    };
    const result = await againstHostile("--max-response-mib", "1", "user", "list");
    assert.equal(result.code, 7, result.stderr);
    assertOneLineError(result.stderr, /GET \/_synapse\/admin\/v2\/users\?.* larger than the limit of 1 MiB$/);
  });
});

describe("pagination that never ends (hostile server)", () => {
  it("new cursors with empty pages: stops after ten with one line, exit 7", async () => {
    let next = 0;
    hostile.handler = (_req, res) => json(res, 200, { users: [], next_token: String(++next), total: 1 });
    const result = await againstHostile("user", "list", "--all");
    assert.equal(result.code, 7, result.stderr);
    assert.match(
      result.stderr.trim().split("\n").at(-1)!,
      /^Error: .*10 empty pages in a row, each with a new cursor/,
    );
    assert.equal(hostile.requests, 10);
  });

  it("a repeated cursor: one line, exit 7, instead of a silently short list", async () => {
    hostile.handler = (_req, res) =>
      json(res, 200, { users: [userSummary({ name: "@a:example.org" })], next_token: "100", total: 5 });
    const result = await againstHostile("user", "list", "--all");
    assert.equal(result.code, 7, result.stderr);
    assert.match(result.stderr.trim().split("\n").at(-1)!, /^Error: .*cursor "100" a second time/);
  });
});

describe("waits (hostile server)", () => {
  it("a Retry-After of an hour fails at once with one line", async () => {
    hostile.handler = (_req, res) =>
      json(res, 429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" }, { "retry-after": "3600" });
    const started = Date.now();
    const result = await againstHostile("--timeout", "100000", "version");
    assert.equal(result.code, 1, result.stderr);
    assertOneLineError(result.stderr, /server asks to wait 3600 s, longer than the 300 s allowed\)$/);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(hostile.requests, 1);
  });

  it("a wait the CLI takes is said on stderr, with what it waits for", async () => {
    let calls = 0;
    hostile.handler = (_req, res) =>
      ++calls === 1
        ? json(res, 429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" }, { "retry-after": "5" })
        : json(res, 200, { server_version: "1.160.0" });
    const result = await againstHostile("--timeout", "10", "version");
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^WARNING rate limited on GET \/_synapse\/admin\/v1\/server_version; waiting 5\.0 s as the server asks/,
    );
  });

  it("a --timeout above Node's timer limit is refused before any request", async () => {
    const result = await againstHostile("--timeout", "3000000", "version");
    assert.equal(result.code, 2);
    assertOneLineError(result.stderr, /--timeout: 3000000 is above the maximum 2147483/);
    assert.equal(hostile.requests, 0);
  });
});

describe("against the real server, through the fault proxy", () => {
  const prefix = uniquePrefix();
  const faulty = useFaultProxy();
  const synadm = (...args: string[]) => runCli(args, { home: faulty.home });

  it("IDs '', '.' and '..' are refused as bad input, and nothing is sent", async () => {
    const token = `${prefix}keep`;
    assert.equal((await adminApi("POST", "/v1/registration_tokens/new", { token })).status, 200);
    for (const id of ["", ".", ".."]) {
      const result = await synadm("--batch", "regtok", "delete", id);
      assert.equal(result.code, 2, result.stderr);
      assertOneLineError(result.stderr, /an ID cannot be empty, "\." or "\.\."/);
    }
    const devices = await synadm("--batch", "user", "device", "delete", mxid("admin"), "..");
    assert.equal(devices.code, 2, devices.stderr);
    assert.deepEqual(faulty.proxy.seen, []);
    assert.equal((await adminApi("GET", `/v1/registration_tokens/${token}`)).status, 200);
  });

  it("a bulk run asked to wait an hour stops instead, and --resume can try again", async () => {
    for (const n of [1, 2, 3]) await createUser(`${prefix}hour${n}`, "pw");
    faulty.proxy.inject("429-retry-after-hour", { pathPart: "/v1/deactivate/" });
    const started = Date.now();
    const result = await synadm("--batch", "user", "deactivate-regex", `@${prefix}hour`);
    assert.ok(Date.now() - started < 20_000, "no hour-long wait");
    assert.equal(result.code, 1, result.stderr);
    // synadm's shape: one entry per user; the items in flight when the answer came finish as they do.
    const entries = JSON.parse(result.stdout) as Array<{ user_id: string; error?: string }>;
    assert.equal(entries.length, 3);
    const failed = entries.filter((entry) => entry.error !== undefined);
    assert.ok(failed.length >= 1);
    for (const entry of failed)
      assert.match(entry.error!, /server asks to wait 3600 s, longer than the 300 s allowed/);
    assert.match(
      result.stderr,
      new RegExp(`${failed.length} of 3 failed; run the same command with --resume`),
    );
    assert.ok(
      faulty.proxy.seen.filter((r) => r.path.includes("/v1/deactivate/")).length <= 3,
      "no item tried twice",
    );
    const resumed = await synadm("--batch", "user", "deactivate-regex", `@${prefix}hour`, "--resume");
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const n of [1, 2, 3]) {
      const user = await adminApi("GET", `/v2/users/${encodeURIComponent(mxid(`${prefix}hour${n}`))}`);
      assert.equal((user.json as { deactivated: boolean }).deactivated, true);
    }
  });
});

// Every output format, fed by a hostile server: names full of control and
// bidi characters, then an answer that never ends or pagination that never
// does. Whatever the format, the command fails with one line and exit 7, and
// stdout holds nothing raw: one whole document of what arrived, or nothing
// in the formats that need every row before they print.
describe("fuzz: hostile and endless answers in every output format", () => {
  const FORMATS = ["json", "minified", "yaml", "ndjson", "csv", "tsv", "human", "pprint"];
  const NAMES = ["\x1b]52;c;cHduZWQ=\x07", "\x1b[2J\rError: fake", "\u202eevil\u2066", "a\u2028b\x85c\x9b2J"];
  const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
  const firstPage = {
    users: NAMES.map((displayname, n) => userSummary({ name: `@u${n}:example.org`, displayname })),
    next_token: "4",
    total: 99,
  };
  const endings: Record<string, Handler> = {
    "an endless second page": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"users": [');
      const timer = setInterval(() => res.write(`${JSON.stringify(firstPage.users[0])},`.repeat(500)), 1);
      res.on("close", () => clearInterval(timer));
    },
    "endless empty pages": (() => {
      let next = 10;
      return (_req: IncomingMessage, res: ServerResponse) =>
        json(res, 200, { users: [], next_token: String(++next), total: 99 });
    })(),
    "a huge second page": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(600 * 2 ** 20) });
      res.write('{"users": [');
    },
  };

  for (const [ending, handler] of Object.entries(endings)) {
    it(`${ending}: one line, exit 7, one whole document in each format`, async () => {
      // The first page is asked for from 0; every later one from a cursor the server gave.
      hostile.handler = (req, res) =>
        /[?&]from=(?!0(&|$))/.test(req.url ?? "") ? handler(req, res) : json(res, 200, firstPage);
      for (const format of FORMATS) {
        const result = await againstHostile("--max-response-mib", "1", "-o", format, "user", "list", "--all");
        assert.equal(result.code, 7, `${format}: ${result.stderr}`);
        assertOneLineError(result.stderr, /^Error: /);
        assert.equal(RAW.exec(result.stdout), null, `${format}: a raw control character on stdout`);
        const expected = firstPage.users.map((user) => user.name);
        if (format === "json" || format === "minified") {
          const document = JSON.parse(result.stdout) as {
            users: Array<{ name: string; displayname: string }>;
          };
          assert.deepEqual(document.users, firstPage.users, format);
        } else if (format === "yaml") {
          assert.deepEqual((parseYaml(result.stdout) as { users: unknown[] }).users, firstPage.users);
        } else if (format === "ndjson") {
          const lines = result.stdout.trimEnd().split("\n");
          assert.deepEqual(
            lines.map((line) => JSON.parse(line) as unknown),
            firstPage.users,
          );
        } else if (format === "csv" || format === "tsv") {
          const lines = result.stdout.trimEnd().split("\n");
          assert.equal(lines.length, 1 + expected.length, `${format}: a header and each user, whole`);
          assert.deepEqual(
            lines.slice(1).map((line) => line.split(format === "csv" ? "," : "\t")[0]),
            expected,
          );
        } else {
          // human and pprint need every row before they print: nothing, rather than half a table.
          assert.equal(result.stdout, "", format);
        }
      }
    });
  }
});
