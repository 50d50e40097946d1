// Scripts written for synadm 0.49.2 keep working: answers piped in, stdin
// closed, --batch, the opt-in `confirm: always`, and synadm's stdout documents,
// each checked against the server's state and, where it tells, the reference.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { isDeepStrictEqual, promisify } from "node:util";
import { formatYaml } from "../../src/cli/runtime/output/yaml.ts";
import { BIN, type CliResult, freshHome, homeWithConfig, parseJson as json, runCli } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  configYaml,
  createRoom,
  createUser,
  loginUser,
  mxid,
  runReference,
  sendText,
  testServer,
  uniquePrefix,
  upload,
} from "../support/server.ts";
import { SOCKET_NAME } from "../support/synapse.ts";
import { atTerminal } from "../support/terminal.ts";

const run = promisify(execFile);
const prefix = uniquePrefix();
const enc = encodeURIComponent;
const admin = () => testServer().token;
const home = homeWithConfig(configYaml({ format: "json" }));
const synadm = (args: readonly string[], input = "", env: Record<string, string> = {}): Promise<CliResult> =>
  runCli(args, { home, input, env });
// What `yes |` feeds a command.
const YES = "y\n".repeat(20);
let serial = 0;
const unique = (what: string): string => `${prefix}${what}${serial++}`;

const userState = async (userId: string) =>
  (await adminApi("GET", `/v2/users/${enc(userId)}`)).json as Record<string, unknown>;

async function messageCount(roomId: string): Promise<number> {
  const result = await adminApi("GET", `/v1/rooms/${enc(roomId)}/messages?dir=b&limit=100`);
  const chunk = (result.json as { chunk: Array<{ type: string }> }).chunk;
  return chunk.filter((event) => event.type === "m.room.message").length;
}

/** One change to try: the command line, and whether the server shows it was made. */
interface Target {
  readonly args: readonly string[];
  changed(): Promise<boolean>;
}

/** The commands synadm asks about before changing anything, each with a fresh target. */
const ASKING: ReadonlyArray<readonly [string, () => Promise<Target>]> = [
  [
    "user deactivate",
    async () => {
      const userId = await createUser(unique("deact"), "pw");
      return {
        args: ["user", "deactivate", userId],
        changed: async () => (await userState(userId))["deactivated"] === true,
      };
    },
  ],
  [
    "user modify",
    async () => {
      const userId = await createUser(unique("mod"), "pw", { displayname: "Before" });
      return {
        args: ["user", "modify", userId, "-n", "After"],
        changed: async () => (await userState(userId))["displayname"] === "After",
      };
    },
  ],
  [
    "user suspend",
    async () => {
      const userId = await createUser(unique("susp"), "pw");
      return {
        args: ["user", "suspend", userId],
        changed: async () => (await userState(userId))["suspended"] === true,
      };
    },
  ],
  [
    "room delete",
    async () => {
      const roomId = await createRoom(admin(), { name: `${prefix} doomed` });
      return {
        args: ["room", "delete", roomId],
        changed: async () => (await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status === 404,
      };
    },
  ],
  [
    "history purge",
    async () => {
      const roomId = await createRoom(admin(), {});
      for (const body of ["one", "two", "three"]) await sendText(admin(), roomId, body);
      return {
        args: ["history", "purge", roomId, "-d", "0"],
        changed: async () => (await messageCount(roomId)) < 3,
      };
    },
  ],
  [
    "media delete",
    async () => {
      const file = await upload(admin(), "doomed.txt");
      return {
        args: ["media", "delete", "-i", file.id],
        changed: async () => (await adminApi("GET", `/v1/media/${file.server}/${file.id}`)).status === 404,
      };
    },
  ],
  [
    "notice send",
    async () => {
      const userId = await createUser(unique("note"), "pw");
      return {
        args: ["notice", "send", userId, "Maintenance tonight"],
        changed: async () => {
          const result = await adminApi("GET", `/v1/users/${enc(userId)}/memberships`);
          return Object.keys((result.json as { memberships: object }).memberships).length > 0;
        },
      };
    },
  ],
];

/** Commands synadm runs without asking: scripts call them with stdin closed and no --batch. */
const UNASKED: ReadonlyArray<readonly [string, () => Promise<Target>]> = [
  [
    "user shadow-ban",
    async () => {
      const userId = await createUser(unique("shadow"), "pw");
      return {
        args: ["user", "shadow-ban", userId],
        changed: async () => (await userState(userId))["shadow_banned"] === true,
      };
    },
  ],
  [
    "user redact",
    async () => {
      const name = unique("spammer");
      const userId = await createUser(name, "pw");
      const token = await loginUser(name, "pw");
      const roomId = await createRoom(token, {});
      const eventId = await sendText(token, roomId, "spam");
      return {
        args: ["user", "redact", userId],
        // fetch_event shows admins the original; the room's timeline holds the redaction.
        changed: async () => {
          const result = await adminApi("GET", `/v1/rooms/${enc(roomId)}/messages?dir=b&limit=50`);
          const chunk = (
            result.json as { chunk: Array<{ type: string; redacts?: string; content: { redacts?: string } }> }
          ).chunk;
          return chunk.some(
            (event) =>
              event.type === "m.room.redaction" && (event.content.redacts ?? event.redacts) === eventId,
          );
        },
      };
    },
  ],
  [
    "user password",
    async () => {
      const name = unique("pw");
      await createUser(name, "old");
      return {
        args: ["user", "password", name, "-p", "new-password"],
        changed: () =>
          loginUser(name, "new-password").then(
            () => true,
            () => false,
          ),
      };
    },
  ],
  [
    "room block",
    async () => {
      const roomId = await createRoom(admin(), {});
      return {
        args: ["room", "block", roomId],
        changed: async () =>
          ((await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json as { block: boolean }).block,
      };
    },
  ],
  [
    "media quarantine",
    async () => {
      const file = await upload(admin(), "q.txt");
      return {
        args: ["media", "quarantine", "-s", file.server, "-i", file.id],
        changed: async () => {
          const info = (await adminApi("GET", `/v1/media/${file.server}/${file.id}`)).json as {
            media_info: { quarantined_by: string | null };
          };
          return Boolean(info.media_info.quarantined_by);
        },
      };
    },
  ],
  [
    "regtok update",
    async () => {
      const token = unique("tok");
      await adminApi("POST", "/v1/registration_tokens/new", { token, uses_allowed: 5 });
      return {
        args: ["regtok", "update", token, "-u", "9"],
        changed: async () =>
          ((await adminApi("GET", `/v1/registration_tokens/${token}`)).json as { uses_allowed: number })
            .uses_allowed === 9,
      };
    },
  ],
  [
    "regtok delete",
    async () => {
      const token = unique("tok");
      await adminApi("POST", "/v1/registration_tokens/new", { token });
      return {
        args: ["regtok", "delete", token],
        changed: async () => (await adminApi("GET", `/v1/registration_tokens/${token}`)).status === 404,
      };
    },
  ],
  [
    "room make-admin",
    async () => {
      const owner = unique("owner");
      await createUser(owner, "pw");
      const roomId = await createRoom(await loginUser(owner, "pw"), {});
      const adminId = mxid("admin");
      return {
        args: ["room", "make-admin", roomId],
        changed: async () => {
          const state = (await adminApi("GET", `/v1/rooms/${enc(roomId)}/state`)).json as {
            state: Array<{ type: string; content: { users?: Record<string, number> } }>;
          };
          const levels = state.state.find((event) => event.type === "m.room.power_levels");
          return (levels?.content.users?.[adminId] ?? 0) >= 100;
        },
      };
    },
  ],
  [
    "user prune-devices",
    async () => {
      const name = unique("dev");
      const userId = await createUser(name, "pw");
      for (let i = 0; i < 3; i++) await loginUser(name, "pw");
      return {
        // Devices never seen count as old; synadm's -d 0 deletes nothing (a bug), -d 1 agrees.
        args: ["user", "prune-devices", userId, "-d", "1"],
        changed: async () =>
          ((await adminApi("GET", `/v2/users/${enc(userId)}/devices`)).json as { total: number }).total === 1,
      };
    },
  ],
];

describe("confirmations where synadm asks", () => {
  for (const [name, make] of ASKING) {
    it(`${name}: stdin closed is No, piped answers are read, --batch does not ask`, async () => {
      const closed = await make();
      const refused = await synadm(closed.args);
      assert.equal(refused.code, 10, refused.stderr);
      assert.match(refused.stderr, /standard input ended; add --batch/);
      assert.equal(refused.stdout, "");
      assert.equal(await closed.changed(), false, "nothing changed without an answer");

      const declined = await make();
      const no = await synadm(declined.args, "n\n");
      assert.equal(no.code, 10, no.stderr);
      assert.match(no.stderr, /Aborted: nothing was changed\./);
      assert.equal(await declined.changed(), false, "nothing changed after No");

      const piped = await make();
      const yes = await synadm(piped.args, YES);
      assert.equal(yes.code, 0, yes.stderr);
      assert.equal(await piped.changed(), true, "changed after yes from a pipe");

      const batch = await make();
      const batched = await synadm(["--batch", ...batch.args]);
      assert.equal(batched.code, 0, batched.stderr);
      assert.equal(await batch.changed(), true, "changed with --batch");
    });
  }

  it("`yes | synadm history purge` purges with both tools", async () => {
    const [, make] = ASKING.find(([name]) => name === "history purge")!;
    const reference = await make();
    const run = await runReference(["-o", "json", ...reference.args], configYaml(), YES);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await reference.changed(), true, "the reference purged");
    const ours = await make();
    assert.equal((await synadm(ours.args, YES)).code, 0);
    assert.equal(await ours.changed(), true);
  });

  it("room purge-empty: no answer deletes nothing; a piped yes deletes the empty rooms", async () => {
    const leaver = unique("leaver");
    await createUser(leaver, "pw");
    const token = await loginUser(leaver, "pw");
    const emptied = await createRoom(token, {});
    await clientApi(token, "POST", `/rooms/${enc(emptied)}/leave`, {});
    const exists = async () => (await adminApi("GET", `/v1/rooms/${enc(emptied)}`)).status === 200;
    assert.equal((await synadm(["room", "purge-empty"])).code, 10);
    assert.equal((await synadm(["room", "purge-empty"], "n\n")).code, 10);
    assert.equal(await exists(), true);
    const yes = await synadm(["room", "purge-empty"], YES);
    assert.equal(yes.code, 0, yes.stderr);
    assert.equal(await exists(), false);
  });
});

describe("changes synadm makes without asking", () => {
  for (const [name, make] of UNASKED) {
    it(`${name}: runs with stdin closed; asks with confirm: always (key or SYNADM_CONFIRM)`, async () => {
      const plain = await make();
      const result = await synadm(plain.args);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(await plain.changed(), true, "changed without a question, as synadm does");

      const guarded = await make();
      const refused = await synadm(guarded.args, "", { SYNADM_CONFIRM: "always" });
      assert.equal(refused.code, 10, refused.stderr);
      assert.equal(await guarded.changed(), false, "nothing changed unanswered under confirm: always");

      const confirmed = await make();
      const askingHome = homeWithConfig(configYaml({ format: "json", confirm: "always" }));
      const answered = await runCli(confirmed.args, { home: askingHome, input: YES });
      assert.equal(answered.code, 0, answered.stderr);
      assert.match(answered.stderr, /\?/);
      assert.equal(await confirmed.changed(), true, "changed after yes under confirm: always");
    });
  }
});

/**
 * The last JSON document of synadm's stdout, which may hold prose and several
 * documents (its top-level documents start at a line's first column).
 */
function lastDocument(stdout: string): unknown {
  const starts = [...stdout.matchAll(/^[[{]/gm)].map((match) => match.index);
  for (const start of starts.reverse()) {
    try {
      return JSON.parse(stdout.slice(start));
    } catch {}
  }
  return undefined;
}

// Synapse puts the user ID into some keys ("user_@u:server_suspended").
const keyShape = (key: string): string => key.replace(/@[^:\s]+:[A-Za-z0-9.-]+(?::\d+)?/g, "@USER");

/** Asserts ours has every key and type of synadm's document (values aside; a list by its first item). */
function assertShapeCovers(ours: unknown, reference: unknown, path = "$"): void {
  const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  assert.equal(kind(ours), kind(reference), `${path} is a ${kind(reference)} as in synadm`);
  if (Array.isArray(reference) && Array.isArray(ours)) {
    assert.equal(ours.length > 0, reference.length > 0, `${path} is empty where synadm's is`);
    // Lists of events come in no fixed order (PostgreSQL): the first of synadm's is matched by its type.
    const first = reference[0] as { type?: unknown } | undefined;
    const counterpart =
      typeof first?.type === "string"
        ? (ours.find((item) => (item as { type?: unknown } | null)?.type === first.type) ?? ours[0])
        : ours[0];
    if (reference.length > 0) assertShapeCovers(counterpart, reference[0], `${path}[0]`);
  } else if (kind(reference) === "object") {
    const mine = new Map(Object.entries(ours as object).map(([key, value]) => [keyShape(key), value]));
    for (const [key, value] of Object.entries(reference as Record<string, unknown>)) {
      assert.ok(mine.has(keyShape(key)), `${path}.${key} is there as in synadm`);
      assertShapeCovers(mine.get(keyShape(key)), value, `${path}.${key}`);
    }
  }
}

/** Commands with output not compared elsewhere, each given a fresh target per tool. */
const WITH_OUTPUT: ReadonlyArray<readonly [string, () => Promise<readonly string[]>]> = [
  ...[...ASKING, ...UNASKED].map(([name, make]) => [name, async () => (await make()).args] as const),
  ["user login", async () => ["user", "login", await createUser(unique("login"), "pw")]],
  ["matrix login", async () => ["matrix", "login", await createUser(unique("mlogin"), "pw"), "-p", "pw"]],
  ["user search", async () => ["user", "search", prefix]],
  ["room state", async () => ["room", "state", await createRoom(admin(), {})]],
  [
    "room join",
    async () => [
      "room",
      "join",
      await createRoom(admin(), { preset: "public_chat" }),
      await createUser(unique("joiner"), "pw"),
    ],
  ],
  ["media protect", async () => ["media", "protect", (await upload(admin(), "p.txt")).id]],
  [
    "media unquarantine",
    async () => {
      const file = await upload(admin(), "u.txt");
      await adminApi("POST", `/v1/media/quarantine/${file.server}/${file.id}`, {});
      return ["media", "unquarantine", "-s", file.server, "-i", file.id];
    },
  ],
  ["media purge", async () => ["media", "purge", "-b", "2020-01-01"]],
  ["regtok new", async () => ["regtok", "new", "-n", unique("new")]],
  ["room purge-empty --dry-run", async () => ["room", "purge-empty", "--dry-run"]],
];

/** Read commands not compared elsewhere, on one target for both tools. */
const READS: ReadonlyArray<readonly [string, () => Promise<readonly string[]>]> = [
  [
    "user auth-provider",
    async () => {
      const externalId = unique("sso");
      await createUser(unique("sso"), "pw", {
        external_ids: [{ auth_provider: "oidc", external_id: externalId }],
      });
      return ["user", "auth-provider", "-p", "oidc", externalId];
    },
  ],
  [
    "user 3pid",
    async () => {
      const address = `${unique("mail")}@example.org`;
      await createUser(unique("mail"), "pw", { threepids: [{ medium: "email", address }] });
      return ["user", "3pid", "-m", "email", address];
    },
  ],
  [
    "history purge-status",
    async () => {
      const roomId = await createRoom(admin(), {});
      await sendText(admin(), roomId, "old");
      const purge = await adminApi("POST", `/v1/purge_history/${enc(roomId)}`, {
        purge_up_to_ts: Date.now(),
      });
      return ["history", "purge-status", (purge.json as { purge_id: string }).purge_id];
    },
  ],
  [
    "user redact-status",
    async () => {
      const userId = await createUser(unique("redacted"), "pw");
      const redaction = await adminApi("POST", `/v1/user/${enc(userId)}/redact`, { rooms: [] });
      return ["user", "redact-status", (redaction.json as { redact_id: string }).redact_id];
    },
  ],
  [
    "room delete-status",
    async () => {
      const roomId = await createRoom(admin(), {});
      const deletion = await adminApi("DELETE", `/v2/rooms/${enc(roomId)}`, {});
      return ["room", "delete-status", "-d", (deletion.json as { delete_id: string }).delete_id];
    },
  ],
];

describe("read commands print what synadm prints", () => {
  for (const [name, make] of READS) {
    it(name, async () => {
      const args = await make();
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(reference.code, 0, reference.stderr);
      const ours = await synadm(args);
      assert.equal(ours.code, 0, ours.stderr);
      const expected = lastDocument(reference.stdout);
      if (expected !== undefined) assert.deepEqual(json(ours.stdout), expected);
      else {
        // synadm says it in a sentence ("Status of history purge is complete."); ours is the document.
        const values = Object.values(json<object>(ours.stdout));
        assert.ok(values.length > 0 && values.every((value) => reference.stdout.includes(String(value))));
      }
    });
  }
});

describe("stdout documents have synadm's shape", () => {
  for (const [name, make] of WITH_OUTPUT) {
    it(name, async () => {
      const reference = await runReference(["--batch", "-o", "json", ...(await make())]);
      assert.equal(reference.code, 0, reference.stderr);
      const ours = await synadm(["--batch", ...(await make())]);
      assert.equal(ours.code, 0, ours.stderr);
      // One document, where synadm may print prose and several (scripts parse its last one).
      const document = json(ours.stdout);
      const expected = lastDocument(reference.stdout);
      if (expected === undefined) assert.match(reference.stdout, /successfully/, "synadm printed only prose");
      else assertShapeCovers(document, expected);
    });
  }
});

describe("protocol: unix", () => {
  it("talks to Synapse over its Unix socket, as synadm does with the same configuration", async () => {
    const { root, dataDir, token, serverName } = testServer();
    assert.ok(root && dataDir, "the socket lives in the test server's data directory");
    const socketConfig = (socket: string) =>
      [
        "protocol: unix",
        `base_url: ${socket}`,
        "admin_path: /_synapse/admin",
        "matrix_path: /_matrix",
        `homeserver: ${serverName}`,
        "format: json",
        `token: ${token}`,
        "user: admin",
        "timeout: 30",
        "ssl_verify: true",
        "",
      ].join("\n");
    const socketHome = homeWithConfig(socketConfig(`${root}${dataDir}/${SOCKET_NAME}`));
    const userId = await createUser(unique("sock"), "pw", { displayname: "Before" });
    const details = await runCli(["user", "details", userId], { home: socketHome });
    assert.equal(details.code, 0, details.stderr);
    const reference = await runReference(
      ["user", "details", userId],
      socketConfig(`${dataDir}/${SOCKET_NAME}`),
    );
    assert.equal(reference.code, 0, reference.stderr);
    assert.deepEqual(json(details.stdout), lastDocument(reference.stdout));
    const changed = await runCli(["--batch", "user", "modify", userId, "-n", "Over the socket"], {
      home: socketHome,
    });
    assert.equal(changed.code, 0, changed.stderr);
    assert.equal((await userState(userId))["displayname"], "Over the socket");
  });

  it("says what is wrong with a socket path before sending anything", async () => {
    for (const [base, pattern] of [
      ["relative/synapse.sock", /absolute path/],
      ["/nonexistent/synapse.sock", /missing/],
      ["/etc/hostname", /not a socket/],
    ] as const) {
      const result = await runCli(["version"], {
        home: homeWithConfig(`protocol: unix\nbase_url: ${base}\ntoken: t\nformat: json\n`),
      });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, pattern);
    }
  });
});

describe("first run at a terminal", () => {
  it("matrix login with no configuration asks for the settings, then the password, and logs in", async () => {
    const { baseUrl, token } = testServer();
    const name = unique("first");
    await createUser(name, "first-password");
    const firstHome = freshHome();
    const path = `${dirname(process.execPath)}:${process.env["PATH"] ?? ""}`;
    const session = atTerminal(BIN, ["matrix", "login", name], { HOME: firstHome, PATH: path });
    const answers: Array<[RegExp, string]> = [
      [/admin user name: $/, "admin"],
      [/access token \[NOT SET\]: $/, token],
      [/base URL \[[^\]]*\]: $/, baseUrl],
      [/Admin API path \[[^\]]*\]: $/, ""],
      [/Matrix API path \[[^\]]*\]: $/, ""],
      [/output format \([^)]*\) \[yaml\]: $/, "json"],
      [/timeout in seconds \[\d+\]: $/, ""],
      [/Homeserver name \([^)]*\) \[[^\]]*\]: $/, ""],
      [/Verify TLS certificates \([^)]*\) \[true\]: $/, ""],
      [/discovery \([^)]*\) \[well-known\]: $/, ""],
      [/Password: $/, "first-password"],
    ];
    for (const [prompt, answer] of answers) {
      await session.expect(prompt);
      session.type(answer);
    }
    const { code, screen } = await session.exit();
    assert.equal(code, 0, screen);
    assert.ok(!screen.includes("first-password"), "the password is not echoed");
    const userToken = /"access_token": "([^"]+)"/.exec(screen)?.[1];
    assert.ok(userToken, screen);
    const whoami = await clientApi(userToken, "GET", "/account/whoami");
    assert.equal((whoami.json as { user_id: string }).user_id, mxid(name));
    const config = join(firstHome, ".config", "synadm.yaml");
    assert.equal(statSync(config).mode & 0o777, 0o600);
    assert.match(readFileSync(config, "utf8"), new RegExp(`^base_url: ${baseUrl}$`, "m"));
  });
});

/** What PyYAML (the reference's parser, from the test root) reads from each document. */
async function readWithPyYaml(
  documents: readonly string[],
): Promise<Array<{ value?: unknown; error?: string }>> {
  const { root, dataDir } = testServer();
  assert.ok(root && dataDir, "PyYAML comes from the test root");
  const file = `${dataDir}/yaml-${serial++}.json`;
  writeFileSync(`${root}${file}`, JSON.stringify(documents));
  const script = [
    "import json, sys, yaml",
    "out = []",
    "for text in json.load(open(sys.argv[1])):",
    "    try: out.append({'value': yaml.safe_load(text)})",
    "    except Exception as e: out.append({'error': type(e).__name__})",
    "print(json.dumps(out, default=repr))",
  ].join("\n");
  try {
    const { stdout } = await run("chroot", [root, "python3", "-c", script, file], { maxBuffer: 256 << 20 });
    return JSON.parse(stdout) as Array<{ value?: unknown; error?: string }>;
  } finally {
    rmSync(`${root}${file}`, { force: true });
  }
}

// Every character PyYAML treats specially: C0 controls, DEL, C1 (NEL among them), the
// Unicode line and paragraph separators, the byte-order mark, bidi controls, and the
// indicators and blanks that decide between plain, quoted and block scalars.
const SPECIAL_CHARS = [
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i)),
  ..."\u2028\u2029\ufeff\u200e\u200f\u202a\u202e\u2066\u2069\u061c",
  ...":#-?'\"\\|>!&*%@`,[]{} ~.0e",
  "é",
  "\u{1F600}",
];

describe("yaml that PyYAML reads back exactly", () => {
  it("user details -o yaml of a hostile display name reads as the server's value", async () => {
    const displayname = "x\u2028admin: true\u0085y\u2029z\ttab\u202eevil \x1b[2J\x7f\u0099 #c";
    const userId = await createUser(unique("yaml"), "pw", { displayname });
    const result = await synadm(["-o", "yaml", "user", "details", userId]);
    assert.equal(result.code, 0, result.stderr);
    const [read] = await readWithPyYaml([result.stdout]);
    assert.deepEqual(read, { value: await userState(userId) });
    assert.equal((read!.value as { displayname: string }).displayname, displayname);
  });

  it("formatYaml's output of every pair of special characters, everywhere, reads back in PyYAML", async () => {
    const values: unknown[] = [];
    for (const a of SPECIAL_CHARS)
      for (const b of SPECIAL_CHARS)
        for (const text of [a + b, ` ${a}x${b}`, `${a}\n${b}`])
          values.push(text, [text], { [text]: text }, { k: { k: [text] } });
    const read = await readWithPyYaml(values.map((value) => formatYaml(value)));
    const wrong = values.filter((value, i) => !isDeepStrictEqual(read[i], { value }));
    assert.ok(values.length > 40_000, `${values.length} values`);
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${values.length} read differently`);
  });
});

describe("room power-levels", () => {
  it("prints power_levels as {} for a room whose power levels name no user", async () => {
    const roomId = await createRoom(admin(), {});
    const levels = await clientApi(admin(), "PUT", `/rooms/${enc(roomId)}/state/m.room.power_levels/`, {
      users_default: 100,
      events_default: 0,
      state_default: 50,
    });
    assert.equal(levels.status, 200, JSON.stringify(levels.json));
    const args = ["room", "power-levels", "-i", roomId];
    const ours = await synadm(args);
    assert.equal(ours.code, 0, ours.stderr);
    const room = json<{ rooms: Array<Record<string, unknown>> }>(ours.stdout).rooms[0]!;
    assert.deepEqual(room["power_levels"], {});
    assert.equal(
      json<{ rooms_w_power_levels_curr_batch: number }>(ours.stdout).rooms_w_power_levels_curr_batch,
      1,
    );
    // synadm gives {} only to a room without the event, and fails on this one (a bug not copied).
    const reference = await runReference(["-o", "json", ...args]);
    assert.notEqual(reference.code, 0);
    assert.match(reference.stderr, /KeyError: 'users'/);
  });
});
