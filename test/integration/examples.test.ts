// Runs each script of examples/ as its own process, as an admin would, against
// the real server, and checks what it printed and what it did to the server.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import {
  adminApi,
  clientApi,
  createUser,
  loginUser,
  mxid,
  testServer,
  uniquePrefix,
  waitForLastSeen,
} from "../support/server.ts";

const execFileAsync = promisify(execFile);
const REPO = new URL("../..", import.meta.url).pathname;
const prefix = uniquePrefix();
const enc = encodeURIComponent;

interface ExampleRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `examples/<name>` with tsx; "synadm" resolves to the built package (its own `exports`). */
async function example(name: string, ...args: string[]): Promise<ExampleRun> {
  const server = testServer();
  const env = { PATH: process.env["PATH"] ?? "", SYNAPSE_URL: server.baseUrl, SYNAPSE_TOKEN: server.token };
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", join("examples", name), ...args],
      { cwd: REPO, env, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

async function createRoom(token: string, name: string): Promise<string> {
  const result = await clientApi(token, "POST", "/createRoom", { name });
  assert.equal(result.status, 200, JSON.stringify(result.json));
  return (result.json as { room_id: string }).room_id;
}

/** Splits CSV text into rows of fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const [, line] of text.matchAll(/((?:"(?:[^"]|"")*"|[^"\n])*)\n/g)) {
    const fields = [...line!.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)];
    rows.push(
      fields.map(([, quoted, plain]) => (quoted === undefined ? plain! : quoted.replaceAll('""', '"'))),
    );
  }
  return rows;
}

describe("examples/", () => {
  it("type-check against the built package's types", async () => {
    const tsc = join(REPO, "node_modules", ".bin", "tsc");
    const result = await execFileAsync(tsc, ["-p", "examples/tsconfig.json"], { cwd: REPO }).catch(
      (error: { stdout: string }) => error,
    );
    assert.equal(result.stdout, "");
  });

  it("inactive-users lists users not seen (or never seen) within the period, and not the others", async () => {
    const seen = await createUser(`${prefix}seen`, "pw-seen-1");
    const never = await createUser(`${prefix}never`, "pw-never-1");
    const token = await loginUser(`${prefix}seen`, "pw-seen-1");
    await clientApi(token, "GET", "/account/whoami");
    await waitForLastSeen(seen);
    const recent = await example("inactive-users.ts", "1h");
    assert.equal(recent.code, 0, recent.stderr);
    assert.ok(!recent.stdout.includes(seen) && !recent.stdout.includes(never), recent.stdout);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const stale = await example("inactive-users.ts", "1s");
    assert.equal(stale.code, 0, stale.stderr);
    const rows = new Map(
      stale.stdout
        .trim()
        .split("\n")
        .map((line) => [line.split("\t")[0], line.split("\t")]),
    );
    assert.match(rows.get(seen)?.[1] ?? "", /^\d{4}-\d\d-\d\dT/, "last seen as a date");
    assert.equal(rows.get(never)?.[1], "never");
    assert.ok(!rows.has(mxid("admin")), "admins are left out");
    assert.match(stale.stderr, /user\(s\) inactive since/);
  });

  it("clean-empty-rooms only shows by default, and deletes the emptied room with --yes", async () => {
    const leaver = await createUser(`${prefix}leaver`, "pw-leaver-1");
    const token = await loginUser(`${prefix}leaver`, "pw-leaver-1");
    const emptied = await createRoom(token, `${prefix} emptied`);
    await clientApi(token, "POST", `/rooms/${enc(emptied)}/leave`, {});
    const occupied = await createRoom(token, `${prefix} occupied`);

    const dry = await example("clean-empty-rooms.ts", "--creator", leaver);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(dry.stdout, `would delete ${emptied}\n`);
    assert.equal(
      (await adminApi("GET", `/v1/rooms/${enc(emptied)}`)).status,
      200,
      "a dry run deletes nothing",
    );

    const real = await example("clean-empty-rooms.ts", "--creator", leaver, "--yes");
    assert.equal(real.code, 0, real.stderr);
    assert.equal(real.stdout, `deleted ${emptied}\n`);
    assert.match(real.stderr, /: complete\n/);
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(emptied)}`)).status, 404, "the empty room is gone");
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(occupied)}`)).status, 200, "the other one stays");
  });

  it("export-users-csv writes every user, odd display names and deactivated ones included", async () => {
    const tricky = await createUser(`${prefix}csv1`, "pw-csv-1", { displayname: 'Doe, "Jo"\nSecond line' });
    const gone = await createUser(`${prefix}csv2`, "pw-csv-2", { displayname: "Gone" });
    await adminApi("POST", `/v1/deactivate/${enc(gone)}`, { erase: false });
    const result = await example("export-users-csv.ts");
    assert.equal(result.code, 0, result.stderr);
    const rows = parseCsv(result.stdout);
    assert.deepEqual(rows[0], ["user_id", "displayname", "admin", "deactivated", "created", "last_seen"]);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    assert.deepEqual(byId.get(tricky)?.slice(1, 4), ['Doe, "Jo"\nSecond line', "false", "false"]);
    assert.deepEqual(byId.get(gone)?.slice(2, 4), ["false", "true"]);
    assert.match(byId.get(gone)?.[4] ?? "", /^\d{4}-\d\d-\d\dT/);
    assert.equal(byId.get(mxid("admin"))?.[2], "true");
    const { json } = await adminApi("GET", "/v2/users?deactivated=true&limit=1000");
    assert.equal(rows.length - 1, (json as { total: number }).total, "one row per user on the server");
  });
});
