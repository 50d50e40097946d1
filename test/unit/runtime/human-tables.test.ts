// Human tables on a terminal: whole columns are left out, least useful first,
// before any cell is cut; the record's ID column is never left out nor cut;
// a note on stderr says what is missing. Piped output keeps every column.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatHuman, formatHumanFitted } from "../../../src/cli/runtime/output/human.ts";
import { fitTable, renderTable } from "../../../src/cli/runtime/output/table.ts";
import { leftOutNote, noteLeftOut, tableLayout } from "../../../src/cli/runtime/output/terminal.ts";
import { displayWidth } from "../../../src/cli/runtime/output/width.ts";
import { type CapturedOutput, capturedOutput } from "../../support/output-target.ts";

const lines = (...parts: string[]): string => parts.join("\n");

const LONG_ID = "@alexandra.longname:matrix.example.org";

// A page of `user list`, its epoch times already shown as dates.
const users = [
  {
    name: LONG_ID,
    user_type: null,
    is_guest: false,
    admin: true,
    deactivated: false,
    shadow_banned: false,
    displayname: "Alexandra",
    avatar_url: "mxc://matrix.example.org/abcdefghijklmnop",
    creation_ts: "2023-11-15 07:13:20",
    approved: true,
    erased: false,
    locked: false,
  },
  {
    name: "@bo:matrix.example.org",
    user_type: null,
    is_guest: false,
    admin: false,
    deactivated: true,
    shadow_banned: false,
    displayname: "Bo",
    avatar_url: null,
    creation_ts: "2024-01-02 10:00:00",
    approved: true,
    erased: false,
    locked: false,
  },
];

const target = capturedOutput;

// What printHuman does with them: the table on stdout, then the note on stderr.
function print(out: CapturedOutput, view: unknown): void {
  const { text, leftOut } = formatHumanFitted(view, tableLayout(out));
  out.stdout.write(`${text}\n`);
  noteLeftOut(out, leftOut);
}

const HINT = "(see every column with -o json, a wider terminal, or by piping into less -S)";

describe("human tables too wide for the terminal", () => {
  it("keeps a long user ID whole at 40 columns, leaving the other columns out", () => {
    const { text, leftOut } = formatHumanFitted(users, { maxWidth: 40 });
    assert.equal(text, lines("name", "-".repeat(LONG_ID.length), LONG_ID, "@bo:matrix.example.org"));
    assert.equal(leftOut.length, 11);
    assert.ok(!text.includes("…"));
    // A little wider, the most useful columns come back, whole.
    for (const width of [50, 60, 80, 100, 120]) {
      const fitted = formatHumanFitted(users, { maxWidth: width }).text.split("\n");
      assert.ok(fitted[2]!.startsWith(`${LONG_ID}  `), `${width}: ${fitted[2]}`);
      assert.ok(fitted[3]!.startsWith("@bo:matrix.example.org  "), `${width}: ${fitted[3]}`);
      for (const line of fitted) assert.ok(displayWidth(line) <= width, `${width}: ${line}`);
      assert.ok(!fitted.join("\n").includes("…"), `${width}`);
    }
  });

  it("leaves out what says nothing first, then what is the same in every row, then links, then from the right", () => {
    const leftOut = (width: number): readonly string[] =>
      formatHumanFitted(users, { maxWidth: width }).leftOut;
    assert.deepEqual(leftOut(200), []);
    // null or False in every row, then True in both, then the link; the space left takes back `erased`.
    assert.deepEqual(leftOut(80), [
      "user_type",
      "is_guest",
      "shadow_banned",
      "avatar_url",
      "creation_ts",
      "approved",
      "locked",
    ]);
    assert.equal(
      formatHumanFitted(users, { maxWidth: 80 }).text,
      lines(
        "name                                    admin   deactivated  displayname  erased",
        "--------------------------------------  ------  -----------  -----------  ------",
        `${LONG_ID}  True    False        Alexandra    False`,
        "@bo:matrix.example.org                  False   True         Bo           False",
      ),
    );
    // Among the columns that vary, the rightmost go first.
    assert.deepEqual(leftOut(60).slice(3, 6), ["displayname", "avatar_url", "creation_ts"]);
    assert.ok(formatHumanFitted(users, { maxWidth: 60 }).text.startsWith("name  ".padEnd(40) + "admin"));
  });

  it("names the record's ID column by its key, whatever its place", () => {
    const reports = [
      { id: 2, received_ts: "2024-01-02 10:00:00", room_id: "!abcdefghijklmnop:example.org", name: "A room" },
      { id: 3, received_ts: "2024-01-03 10:00:00", room_id: "!qrstuvwxyzabcdef:example.org", name: "Other" },
    ].map((report, index) => ({
      ...report,
      event_id: `$event${index}abcdefghijklmnopqrstuvwxyz`,
      user_id: "@u:x",
    }));
    const fitted = formatHumanFitted(reports, { maxWidth: 40 });
    // The report's own number, narrow, fits in the room left.
    assert.equal(
      fitted.text,
      lines(
        "  id  event_id",
        "----  ---------------------------------",
        "   2  $event0abcdefghijklmnopqrstuvwxyz",
        "   3  $event1abcdefghijklmnopqrstuvwxyz",
      ),
    );
    assert.deepEqual(fitted.leftOut, ["received_ts", "room_id", "name", "user_id"]);
    // A room's name is not its ID: it is cut, the room ID is not.
    const rooms = [
      { name: "A very long room name indeed", room_id: "!abcdefghijklmnop:example.org", joined: 3 },
    ];
    const room = formatHumanFitted(rooms, { maxWidth: 40 });
    assert.deepEqual(room.leftOut, ["joined"]);
    assert.equal(room.text.split("\n")[2], "A very l…  !abcdefghijklmnop:example.org");
    // Media come in key order: media_id is kept, not created_ts.
    const media = [
      { created_ts: "2024-01-02 10:00:00", media_id: "abcdefghijklmnopqrstuvwx", media_length: 120 },
    ];
    const fittedMedia = formatHumanFitted(media, { maxWidth: 40 });
    assert.deepEqual(fittedMedia.leftOut, ["media_length"]);
    assert.equal(fittedMedia.text.split("\n")[2], "2024-01-02 10…  abcdefghijklmnopqrstuvwx");
    assert.deepEqual(formatHumanFitted(media, { maxWidth: 26 }).leftOut, ["created_ts", "media_length"]);
    // Without a known key, the first column.
    const pushers = [{ pushkey: "a-long-push-key-of-some-phone", app_id: "org.example.app", kind: "http" }];
    assert.match(
      formatHumanFitted(pushers, { maxWidth: 30 }).text,
      /^pushkey\n-+\na-long-push-key-of-some-phone$/,
    );
  });

  it("cuts the one column left beside the ID, never the ID", () => {
    const rows = [{ name: "@someone:example.org", displayname: "A display name much too long for this" }];
    const fitted = formatHumanFitted(rows, { maxWidth: 40 });
    assert.deepEqual(fitted.leftOut, []);
    assert.equal(
      fitted.text,
      lines(
        "name                  displayname",
        "--------------------  ------------------",
        "@someone:example.org  A display name mu…",
      ),
    );
    // An ID wider than the terminal stays whole: the terminal wraps it rather than it being cut.
    const wide = formatHumanFitted(rows, { maxWidth: 10 });
    assert.equal(wide.text, lines("name", "--------------------", "@someone:example.org"));
    assert.deepEqual(wide.leftOut, ["displayname"]);
  });

  it("never cuts the ID column when only narrowing (formatHuman, renderTable)", () => {
    const narrowed = formatHuman(users, { maxWidth: 40 }).split("\n");
    assert.ok(narrowed[2]!.startsWith(`${LONG_ID}  `));
    assert.match(narrowed[2]!, /…/);
    assert.equal(
      renderTable(["room", "topic"], [["!abcdef:example.org", "a topic"]], [], { maxWidth: 12 }),
      lines("room                 top…", "-------------------  ----", "!abcdef:example.org  a t…"),
    );
    // Nor the keys of a key/value table, and no row of it is left out.
    assert.equal(
      formatHuman({ room_version_of_this: "10", avatar: "mxc://example.org/abcdefgh" }, { maxWidth: 30 }),
      lines("room_version_of_this  10", "avatar                mxc://e…"),
    );
    const pairs = formatHumanFitted(
      { room_version_of_this: "10", avatar: "mxc://example.org/ab" },
      { maxWidth: 4 },
    );
    assert.deepEqual(pairs.leftOut, []);
  });

  it("takes back a column left out early where it fits again", () => {
    const table = fitTable(
      ["id", "wide", "tiny", "more"],
      [["a", "x".repeat(30), "t", "m"]],
      [],
      { maxWidth: 20 },
      { leftOutFirst: [2, 1, 3] },
    );
    assert.deepEqual(table.leftOut, [1]);
    assert.equal(table.text, lines("id    tiny    more", "----  ------  ------", "a     t       m"));
    // Only the columns named may go.
    const kept = fitTable(["id", "wide", "tiny", "more"], [["a", "x".repeat(30), "t", "m"]], [], {
      maxWidth: 20,
    });
    assert.deepEqual(kept.leftOut, []);
    assert.equal(kept.text.split("\n")[2], "a   xxx…  t     m");
  });
});

describe("the note on what was left out", () => {
  it("names the columns in table order and how to see them all", () => {
    assert.equal(leftOutNote([]), "");
    assert.equal(
      leftOutNote(["avatar_url", "user_type"]),
      `Left out to fit the terminal: avatar_url, user_type ${HINT}`,
    );
  });

  it("goes to stderr after the table; stdout holds the table alone", () => {
    const out = target({ tty: true, columns: 40 });
    print(out, users);
    assert.equal(out.out.join(""), `${formatHumanFitted(users, { maxWidth: 40, color: true }).text}\n`);
    assert.ok(!out.out.join("").includes("Left out"));
    assert.equal(out.err.length, 1);
    assert.ok(
      out.err[0]!.startsWith("Left out to fit the terminal: user_type, is_guest, admin, deactivated, "),
    );
    assert.ok(out.err[0]!.endsWith(`locked ${HINT}\n`));
    // Nothing left out, nothing said.
    const wide = target({ tty: true, columns: 300 });
    print(wide, users);
    assert.deepEqual(wide.err, []);
  });

  it("escapes hostile column names like all terminal text", () => {
    const hostile = ["\u001b]52;c;aGVsbG8=\u0007", "a\nb", "\u202eevil", "cr\rx", "x\u001b[2J"];
    const rows = [0, 1].map((row) => ({
      name: `@user${row}:example.org`,
      ...Object.fromEntries(hostile.map((key, index) => [key, `${"v".repeat(20)}${row}${index}`])),
    }));
    const out = target({ tty: true, columns: 20 });
    print(out, rows);
    const note = out.err.join("");
    assert.equal(
      note,
      "Left out to fit the terminal: \\x1b]52;c;aGVsbG8=\\x07, a\\nb, \\u202eevil, cr\\rx, x\\x1b[2J " +
        `${HINT}\n`,
    );
    assert.doesNotMatch(note.slice(0, -1), /[\u0000-\u001f\u007f-\u009f\u202e]/u);
    assert.equal(leftOutNote(["\\x1b"]), `Left out to fit the terminal: \\x1b ${HINT}`);
  });
});

describe("human tables without a terminal", () => {
  it("show every column whole, as before, and say nothing", () => {
    const piped = target({ columns: 40 });
    assert.deepEqual(tableLayout(piped), {});
    print(piped, users);
    assert.deepEqual(piped.err, []);
    const text = piped.out.join("");
    assert.equal(text, `${formatHuman(users)}\n`);
    assert.equal(
      text,
      `${lines(
        "name                                    user_type    is_guest    admin    deactivated    shadow_banned    displayname    avatar_url                                 creation_ts          approved    erased    locked",
        "--------------------------------------  -----------  ----------  -------  -------------  ---------------  -------------  -----------------------------------------  -------------------  ----------  --------  --------",
        "@alexandra.longname:matrix.example.org               False       True     False          False            Alexandra      mxc://matrix.example.org/abcdefghijklmnop  2023-11-15 07:13:20  True        False     False",
        "@bo:matrix.example.org                               False       False    True           False            Bo                                                        2024-01-02 10:00:00  True        False     False",
      )}\n`,
    );
    // A terminal whose width is unknown is not fitted either.
    const unknown = formatHumanFitted(users, tableLayout(target({ tty: true })));
    assert.deepEqual(unknown.leftOut, []);
    assert.equal(unknown.text.replace(/\u001b\[[0-9;]*m/g, ""), formatHuman(users));
  });
});
