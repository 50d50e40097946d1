// Every list command with times, against the real server: `--ts -o human`
// keeps the server's epoch numbers in the table, and `--datetime` shows them
// as local date and time in every format. The runtime applies the switch, so
// no command can forget it (user media and prune-devices once did).
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  createRoom,
  createUser,
  loginUser,
  testServer,
  uniquePrefix,
  upload,
} from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;
const LOCAL_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

interface ListCase {
  /** The command line, without the switch and the format. */
  readonly argv: () => string[];
  /** Where the records are in the json document ("" when the document is the list). */
  readonly key: string;
  /** A time field the records have. */
  readonly field: string;
  /** Whether the command is one of synadm's, whose switch defaults to --datetime. */
  readonly datetimeByDefault?: boolean;
}

const records = (stdout: string, key: string): Array<Record<string, unknown>> => {
  const document = json<Record<string, unknown> | Array<Record<string, unknown>>>(stdout);
  return (key === "" ? document : (document as Record<string, unknown>)[key]) as Array<
    Record<string, unknown>
  >;
};

describe("--datetime and --timestamp on every list command", () => {
  let userId = "";
  let roomId = "";
  before(async () => {
    userId = await createUser(`${prefix}times`, "pw-times-1");
    const token = await loginUser(`${prefix}times`, "pw-times-1");
    await upload(token, "times.txt");
    roomId = await createRoom(token, { name: `${prefix} times` });
    const sent = await clientApi(token, "PUT", `/rooms/${enc(roomId)}/send/m.room.message/t1`, {
      msgtype: "m.text",
      body: "a time",
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.json));
    const eventId = (sent.json as { event_id: string }).event_id;
    const report = await clientApi(token, "POST", `/rooms/${enc(roomId)}/report/${enc(eventId)}`, {
      reason: "times",
    });
    assert.equal(report.status, 200, JSON.stringify(report.json));
    const regtok = await adminApi("POST", "/v1/registration_tokens/new", {
      token: `${prefix}times`,
      expiry_time: Date.now() + 86_400_000,
    });
    assert.equal(regtok.status, 200, JSON.stringify(regtok.json));
    // A room delete leaves a scheduled task with its time.
    const doomed = await createRoom(testServer().token, { name: `${prefix} doomed` });
    assert.equal((await adminApi("DELETE", `/v2/rooms/${enc(doomed)}`, {})).status, 200);
    // Synapse writes a device's last-seen time in batches, after the device is used.
    for (let i = 0; ; i++) {
      const { json: devices } = await adminApi("GET", `/v2/users/${enc(userId)}/devices`);
      if ((devices as { devices: Array<{ last_seen_ts: number | null }> }).devices[0]?.last_seen_ts) break;
      assert.ok(i < 100, "last_seen_ts was never recorded");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  const cases: Record<string, ListCase> = {
    "user list": { argv: () => ["user", "list", "-n", `${prefix}times`], key: "users", field: "creation_ts" },
    "user list-v3": {
      argv: () => ["user", "list-v3", "-n", `${prefix}times`],
      key: "users",
      field: "creation_ts",
    },
    "user media": {
      argv: () => ["user", "media", userId],
      key: "media",
      field: "created_ts",
      datetimeByDefault: true,
    },
    "user device list": {
      argv: () => ["user", "device", "list", userId],
      key: "devices",
      field: "last_seen_ts",
    },
    "user prune-devices -l": {
      argv: () => ["user", "prune-devices", userId, "-l", "--min-surviving", "0", "--min-days", "0"],
      key: "",
      field: "last_seen_ts",
      datetimeByDefault: true,
    },
    "media list -u": {
      argv: () => ["media", "list", "-u", userId],
      key: "media",
      field: "created_ts",
      datetimeByDefault: true,
    },
    "room messages": { argv: () => ["room", "messages", roomId], key: "chunk", field: "origin_server_ts" },
    "room state": { argv: () => ["room", "state", roomId], key: "state", field: "origin_server_ts" },
    "regtok list": {
      argv: () => ["regtok", "list"],
      key: "registration_tokens",
      field: "expiry_time",
      datetimeByDefault: true,
    },
    "event-report list": {
      argv: () => ["event-report", "list", "-r", roomId],
      key: "event_reports",
      field: "received_ts",
    },
    "scheduled-tasks list": {
      argv: () => ["scheduled-tasks", "list", "-a", "shutdown_and_purge_room"],
      key: "scheduled_tasks",
      field: "timestamp_ms",
    },
  };

  for (const [name, { argv, key, field, datetimeByDefault }] of Object.entries(cases)) {
    it(`${name}: --ts -o human keeps epochs, --datetime shows local times`, async () => {
      const epochs = await synadm(...argv(), "--ts", "-o", "json");
      assert.equal(epochs.code, 0, epochs.stderr);
      const values = records(epochs.stdout, key)
        .map((record) => record[field])
        .filter((value): value is number => typeof value === "number" && value > 0);
      assert.ok(values.length > 0, `${name} lists a record with ${field}`);

      const human = await synadm(...argv(), "--ts", "-o", "human");
      assert.equal(human.code, 0, human.stderr);
      for (const value of values)
        assert.ok(human.stdout.includes(String(value)), `${field} ${value} in the table`);
      assert.doesNotMatch(human.stdout, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);

      const local = await synadm(...argv(), "--datetime", "-o", "json");
      assert.equal(local.code, 0, local.stderr);
      const shown = records(local.stdout, key)
        .map((record) => record[field])
        .filter((value) => value !== null && value !== 0);
      assert.ok(shown.length > 0);
      for (const value of shown) assert.match(String(value), LOCAL_TIME, `${field} as local time`);

      const plain = await synadm(...argv(), "-o", "json");
      const byDefault = records(plain.stdout, key).find((record) => record[field])?.[field];
      if (datetimeByDefault) assert.match(String(byDefault), LOCAL_TIME, "synadm's default: --datetime");
      else assert.equal(typeof byDefault, "number", "the server's numbers unless asked");
    });
  }

  it("federation list accepts both switches (a single server has no destinations to show)", async () => {
    for (const flag of ["--ts", "--datetime"]) {
      const result = await synadm("federation", "list", flag);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(Array.isArray(json<{ destinations: unknown[] }>(result.stdout).destinations));
    }
  });
});
