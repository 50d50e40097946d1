// ndjson, csv and tsv against the real server: the same records as -o json,
// every page of --all, and the format taken from the configuration file.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseCsv } from "../../src/cli/runtime/csv.ts";
import { homeWithConfig, parseJson as json, jsonSession, runCli } from "../support/cli.ts";
import { clientApi, configYaml, createUser, loginUser, mxid, uniquePrefix } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const localparts = [0, 1, 2, 3, 4].map((i) => `${prefix}u${i}`);
const displaynames = ['Ann, "the" admin', "Bob\tBobson", "测试 🐱", "plain", "back\\slash"];

type Row = Record<string, unknown>;

async function ok(...args: string[]): Promise<string> {
  const result = await synadm(...args);
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

// What a csv or tsv cell holds for a JSON value.
const cell = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

const unescapeTsv = (field: string): string =>
  field.replace(/\\([\\tnr])/g, (_, char: string) => ({ "\\": "\\", t: "\t", n: "\n", r: "\r" })[char]!);

function parseTsv(text: string): string[][] {
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.split("\t").map(unescapeTsv));
}

describe("output formats", () => {
  before(async () => {
    for (const [i, localpart] of localparts.entries())
      await createUser(localpart, "pw", { displayname: displaynames[i] });
  });

  it("user list --all -o ndjson prints one JSON object per user, every page", async () => {
    const text = await ok("-o", "ndjson", "user", "list", "--all", "-l", "2", "-n", prefix);
    assert.ok(text.endsWith("\n"));
    const lines = text.slice(0, -1).split("\n");
    assert.equal(lines.length, 5);
    const users = lines.map((line) => JSON.parse(line) as Row);
    assert.deepEqual(users.map((user) => user["name"]).sort(), localparts.map(mxid).sort());
    const all = json<{ users: Row[] }>(
      await ok("-o", "json", "user", "list", "--all", "-l", "2", "-n", prefix),
    );
    assert.deepEqual(users, all.users);
  });

  it("user list -o csv --raw-cells parses back to the users -o json prints", async () => {
    const [csv, page] = [
      await ok("-o", "csv", "--raw-cells", "user", "list", "--all", "-l", "2", "-n", prefix),
      json<{ users: Row[] }>(await ok("-o", "json", "user", "list", "-l", "10", "-n", prefix)),
    ];
    const [header, ...rows] = parseCsv(csv).map((row) => row.fields);
    assert.deepEqual(header, Object.keys(page.users[0]!));
    assert.equal(rows.length, 5);
    assert.deepEqual(
      rows,
      page.users.map((user) => header!.map((column) => cell(user[column]))),
    );
    assert.ok(rows.some((row) => row.includes('Ann, "the" admin')));
    assert.ok(rows.some((row) => row.includes("测试 🐱")));
  });

  it("user list -o csv shows a tab of a display name as \\t (safe for a terminal by default)", async () => {
    const rows = parseCsv(await ok("-o", "csv", "user", "list", "--all", "-n", prefix)).map(
      (row) => row.fields,
    );
    assert.ok(rows.some((row) => row.includes("Bob\\tBobson")));
    assert.ok(rows.some((row) => row.includes("测试 🐱")));
  });

  it("room list -o tsv prints a header and one escaped row per room", async () => {
    const token = await loginUser(localparts[0]!, "pw");
    const names = [`${prefix} tab\there`, `${prefix} line\\back`];
    for (const name of names) await clientApi(token, "POST", "/createRoom", { name });
    const tsv = parseTsv(await ok("-o", "tsv", "room", "list", "-n", prefix));
    const [header, ...rows] = tsv;
    const rooms = json<{ rooms: Row[] }>(await ok("-o", "json", "room", "list", "-n", prefix)).rooms;
    assert.equal(rows.length, 2);
    assert.deepEqual(header, Object.keys(rooms[0]!));
    assert.deepEqual(
      rows,
      rooms.map((room) => header!.map((column) => cell(room[column]))),
    );
    const nameColumn = header!.indexOf("name");
    assert.deepEqual(rows.map((row) => row[nameColumn]).sort(), [...names].sort());
    // The same rooms with --all, streamed.
    assert.deepEqual(parseTsv(await ok("-o", "tsv", "room", "list", "--all", "-l", "1", "-n", prefix)), tsv);
  });

  it("prints a single document as one line, or a header and one row", async () => {
    const userId = mxid(localparts[2]!);
    const details = json<Row>(await ok("user", "details", userId));
    assert.deepEqual(JSON.parse(await ok("-o", "ndjson", "user", "details", userId)), details);
    assert.equal((await ok("-o", "ndjson", "user", "details", userId)).split("\n").length, 2);
    const [header, row, ...more] = parseCsv(await ok("-o", "csv", "user", "details", userId)).map(
      (r) => r.fields,
    );
    assert.deepEqual(more, []);
    assert.deepEqual(header, Object.keys(details));
    assert.deepEqual(row, Object.values(details).map(cell));
  });

  it("takes format: csv from the configuration file", async () => {
    const home = homeWithConfig(configYaml({ format: "csv" }));
    const result = await runCli(["user", "list", "-n", `${prefix}u3`], { home });
    assert.equal(result.code, 0, result.stderr);
    const [header, row, ...more] = parseCsv(result.stdout).map((r) => r.fields);
    assert.equal(header![0], "name");
    assert.equal(row![0], mxid(`${prefix}u3`));
    assert.deepEqual(more, []);
    const overridden = await runCli(["-o", "json", "user", "list", "-n", `${prefix}u3`], { home });
    assert.equal(json<{ total: number }>(overridden.stdout).total, 1);
  });

  it("human shows creation times as local dates, in seconds or milliseconds alike, without colour when piped", async () => {
    const userId = mxid(localparts[3]!);
    const env = { TZ: "UTC" };
    const home = homeWithConfig(configYaml({ format: "json" }));
    const details = json<{ creation_ts: number }>(
      (await runCli(["user", "details", userId], { home })).stdout,
    );
    const list = json<{ users: { creation_ts: number }[] }>(
      (await runCli(["user", "list", "-n", `${prefix}u3`], { home })).stdout,
    );
    const seconds = Math.floor(list.users[0]!.creation_ts / 1000);
    assert.ok([details.creation_ts, Math.floor(details.creation_ts / 1000)].includes(seconds));
    const date = new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ");
    for (const args of [
      ["user", "details", userId],
      ["user", "list", "-n", `${prefix}u3`],
    ]) {
      const human = await runCli(["-o", "human", ...args], { home, env });
      assert.equal(human.code, 0, human.stderr);
      assert.ok(human.stdout.includes(date), `${args.join(" ")}:\n${human.stdout}`);
      assert.ok(!human.stdout.includes("\u001b["));
    }
  });
});
