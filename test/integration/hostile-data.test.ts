// A display name and a room name chosen by an attacker, set through the
// client API on the real server: whatever synadm shows of them on a terminal
// (tables, tsv, csv, the preview before a confirmation) has no raw control or
// bidi character, and json keeps the exact value.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseJson as json, jsonSession, runCli } from "../support/cli.ts";
import { clientApi, createUser, loginUser, uniquePrefix } from "../support/server.ts";

const { synadm, home } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;

// OSC 52 (write the clipboard), clear screen, a carriage return faking a line, a bidi override.
const HOSTILE_NAME = `${prefix}Eve\x1b]52;c;cHduZWQ=\x07\x1b[2J\rAre you sure? \u202eevil\u2066x\u2069`;
const HOSTILE_ROOM = `${prefix}Room\x1b[8m\u202e\x9b2J\u2028fake`;
// What must not reach a terminal: C0 but the line feed (and the tab separating tsv cells), DEL, C1, bidi, U+2028/9.
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function assertClean(text: string, what: string): void {
  const found = RAW.exec(text);
  assert.equal(found, null, `${what} has a raw U+${found?.[0].codePointAt(0)?.toString(16)}`);
}

describe("hostile server data", () => {
  let userId = "";
  before(async () => {
    const localpart = `${prefix}eve`;
    userId = await createUser(localpart, "pw-hostile-1");
    const token = await loginUser(localpart, "pw-hostile-1");
    const named = await clientApi(token, "PUT", `/profile/${enc(userId)}/displayname`, {
      displayname: HOSTILE_NAME,
    });
    assert.equal(named.status, 200, JSON.stringify(named.json));
    const room = await clientApi(token, "POST", "/createRoom", { name: HOSTILE_ROOM });
    assert.equal(room.status, 200, JSON.stringify(room.json));
  });

  it("json keeps the exact display name", async () => {
    const result = await synadm("user", "details", userId);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(json<{ displayname: string }>(result.stdout).displayname, HOSTILE_NAME);
  });

  it("user details -o human and user list -o human/tsv/csv show it escaped", async () => {
    const details = await synadm("-o", "human", "user", "details", userId);
    assert.equal(details.code, 0, details.stderr);
    assertClean(details.stdout, "user details -o human");
    assert.match(details.stdout, /Eve\\x1b\]52;c;cHduZWQ=\\x07\\x1b\[2J\\rAre you sure\? \\u202eevil/);
    for (const format of ["human", "tsv", "csv"]) {
      const list = await synadm("-o", format, "user", "list", "-n", prefix);
      assert.equal(list.code, 0, list.stderr);
      assertClean(list.stdout.replaceAll("\t", " "), `user list -o ${format}`);
      assertClean(list.stderr, `user list -o ${format} (stderr)`);
      assert.match(list.stdout, /Eve\\x1b/, format);
    }
  });

  it("room list -o human shows the room name escaped, json exactly", async () => {
    const human = await synadm("-o", "human", "room", "list", "-n", prefix);
    assert.equal(human.code, 0, human.stderr);
    assertClean(human.stdout, "room list -o human");
    assert.match(human.stdout, /Room\\x1b\[8m\\u202e\\x9b2J\\u2028fake/);
    const exact = await synadm("room", "list", "-n", prefix);
    const rooms = json<{ rooms: Array<{ name: string }> }>(exact.stdout).rooms;
    assert.deepEqual(
      rooms.map((room) => room.name),
      [HOSTILE_ROOM],
    );
  });

  it("the preview before user deactivate shows the name escaped; answering n changes nothing", async () => {
    const result = await runCli(["user", "deactivate", userId], { home, input: "n\n" });
    assert.equal(result.code, 10, result.stderr);
    assertClean(result.stderr, "user deactivate preview");
    assert.match(result.stderr, /Eve\\x1b\]52/);
    const after = await synadm("user", "details", userId);
    assert.equal(json<{ deactivated: boolean }>(after.stdout).deactivated, false);
  });

  it("user export escapes the name, leaves a plain user ID as it is, and --raw-cells gives the exact name", async () => {
    const safe = await synadm("user", "export");
    assert.equal(safe.code, 0, safe.stderr);
    assertClean(safe.stdout, "user export");
    const line = safe.stdout.split("\n").find((row) => row.startsWith(`${userId},`));
    assert.ok(line, `${userId} is exported as it is (a plain user ID is no formula)`);
    const raw = await synadm("--raw-cells", "user", "export");
    assert.ok(raw.stdout.includes(`${userId},"${HOSTILE_NAME}",`), "the raw export holds the exact name");
  });
});
