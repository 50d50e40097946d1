import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { homeWithConfig, runCli } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  configYaml,
  createUser,
  loginUser,
  mxid,
  testServer,
  uniquePrefix,
  waitForLastSeen,
} from "../support/server.ts";

const prefix = uniquePrefix();
const enc = encodeURIComponent;
const home = homeWithConfig(configYaml({ format: "json" }));
const synadm = (args: string[], input?: string) =>
  runCli(args, { home, timeoutMs: 120_000, ...(input === undefined ? {} : { input }) });

async function userState(userId: string): Promise<{ status: number; user: Record<string, unknown> }> {
  const result = await adminApi("GET", `/v2/users/${enc(userId)}`);
  return { status: result.status, user: result.json as Record<string, unknown> };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "synadm-bulk-")), name);
  writeFileSync(path, text);
  return path;
}

describe("user deactivate-many", () => {
  it("deactivates exactly the users listed on stdin (IDs or localparts, comments ignored)", async () => {
    const users = await Promise.all(["a", "b", "c"].map((n) => createUser(`${prefix}many${n}`, "pw")));
    const list = `# spam wave\n${users[0]}\n${prefix}manyb   # by localpart\n\n${users[0]}\n`;
    const dry = await synadm(["user", "deactivate-many", "--dry-run", "-"], list);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout).not_started, [users[0], users[1]]);
    assert.equal((await userState(users[0]!)).user["deactivated"], false);

    const result = await synadm(["--batch", "user", "deactivate-many", "-"], list);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).done.length, 2);
    assert.equal((await userState(users[0]!)).user["deactivated"], true);
    assert.equal((await userState(users[1]!)).user["deactivated"], true);
    assert.equal((await userState(users[2]!)).user["deactivated"], false);
  });

  it("refuses a list with a bad line before changing anything", async () => {
    const userId = await createUser(`${prefix}badlist`, "pw");
    const result = await synadm(["--batch", "user", "deactivate-many", "-"], `${userId}\n@bad user:x\n`);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /1 bad line\(s\) in stdin, nothing was done: line 2: /);
    assert.equal((await userState(userId)).user["deactivated"], false);
  });
});

describe("room delete-many", () => {
  it("deletes and blocks exactly the rooms listed in a file", async () => {
    const token = testServer().token;
    const create = async () =>
      ((await clientApi(token, "POST", "/createRoom", {})).json as { room_id: string }).room_id;
    const [gone1, gone2, kept] = [await create(), await create(), await create()];
    const file = tempFile("rooms.txt", `${gone1}\n${gone2}\n`);
    const result = await synadm(["--batch", "room", "delete-many", "-b", file]);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as { done: Array<{ room_id: string; status: string }> };
    assert.deepEqual(
      summary.done.map((d) => d.status),
      ["complete", "complete"],
    );
    for (const roomId of [gone1!, gone2!]) {
      assert.equal((await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status, 404);
      assert.equal(
        ((await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json as { block: boolean }).block,
        true,
      );
    }
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(kept!)}`)).status, 200);
  });
});

describe("user inactive", () => {
  it("lists users not seen recently, never-seen ones only when asked", async () => {
    const seen = await createUser(`${prefix}seen`, "pw");
    const never = await createUser(`${prefix}never`, "pw");
    const token = await loginUser(`${prefix}seen`, "pw");
    await clientApi(token, "GET", "/account/whoami");
    await waitForLastSeen(seen);
    const ids = async (...args: string[]) => {
      const result = await synadm(["user", "inactive", "--ids-only", ...args]);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout.split("\n").filter(Boolean);
    };
    assert.ok(!(await ids("--since", "1h")).includes(seen));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const stale = await ids("--since", "1s");
    assert.ok(stale.includes(seen));
    assert.ok(!stale.includes(never));
    assert.ok((await ids("--since", "1s", "--include-never-seen")).includes(never));
    const bad = await synadm(["user", "inactive", "--since", "soon"]);
    assert.equal(bad.code, 2);
  });
});

describe("user export and import", () => {
  it("imports new users with given and generated passwords, skips or updates existing ones", async () => {
    const existing = await createUser(`${prefix}exists`, "pw", { displayname: "Old Name" });
    const csv =
      "user_id,displayname,password,admin,email\n" +
      `${prefix}imp1,"Smith, Ann",given-pass-1,false,ann@example.org\n` +
      `@${prefix}imp2:${testServer().serverName},Bob,,,\n` +
      `${prefix}exists,New Name,,,\n`;
    const file = tempFile("users.csv", csv);

    const dry = await synadm(["user", "import", "--dry-run", file]);
    assert.equal(dry.code, 0, dry.stderr);
    const planned = JSON.parse(dry.stdout) as {
      dry_run: boolean;
      done: Array<{ user_id: string; action: string }>;
    };
    assert.equal(planned.dry_run, true);
    assert.deepEqual(planned.done.map((d) => d.action).sort(), [
      "would create",
      "would create",
      "would skip",
    ]);
    assert.equal((await userState(mxid(`${prefix}imp1`))).status, 404);

    const result = await synadm(["--batch", "user", "import", file]);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as {
      done: Array<{ user_id: string; action: string; password?: string }>;
    };
    const row = (id: string) => summary.done.find((d) => d.user_id === id)!;
    assert.equal(row(mxid(`${prefix}imp1`)).action, "created");
    assert.equal(row(mxid(`${prefix}imp1`)).password, undefined, "a given password is not echoed");
    assert.equal(row(existing).action, "skipped: exists");
    const generated = row(mxid(`${prefix}imp2`)).password!;
    assert.match(generated, /^[\w-]{24}$/);
    assert.ok(await loginUser(`${prefix}imp2`, generated), "the generated password works");
    assert.ok(await loginUser(`${prefix}imp1`, "given-pass-1"));
    const ann = (await userState(mxid(`${prefix}imp1`))).user as {
      displayname: string;
      threepids: Array<{ address: string }>;
    };
    assert.equal(ann.displayname, "Smith, Ann");
    assert.deepEqual(
      ann.threepids.map((t) => t.address),
      ["ann@example.org"],
    );
    assert.equal((await userState(existing)).user["displayname"], "Old Name");

    const update = await synadm(["--batch", "user", "import", "--on-conflict", "update", file]);
    assert.equal(update.code, 0, update.stderr);
    assert.equal((await userState(existing)).user["displayname"], "New Name");
  });

  it("refuses a file with a bad row unless told to skip it, and reports the row", async () => {
    const file = tempFile("bad.csv", `user_id,admin\n${prefix}good,false\n${prefix}bad,maybe\n`);
    const refused = await synadm(["--batch", "user", "import", file]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /line 3: admin must be true or false, not "maybe"/);
    assert.equal((await userState(mxid(`${prefix}good`))).status, 404);
    const skipped = await synadm(["--batch", "user", "import", "--skip-bad-rows", file]);
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.deepEqual(JSON.parse(skipped.stdout).bad_rows, [
      { line: 3, error: 'admin must be true or false, not "maybe"' },
    ]);
    assert.equal((await userState(mxid(`${prefix}good`))).status, 200);
    const unknown = await synadm([
      "--batch",
      "user",
      "import",
      tempFile("u.csv", "user_id,shoe_size\nx,42\n"),
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown column\(s\) shoe_size/);
  });

  it("export writes every user as CSV that import reads back", async () => {
    await createUser(`${prefix}exp`, "pw", { displayname: 'Quote "Q", Comma' });
    const result = await synadm(["user", "export"]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split("\n");
    assert.equal(lines[0], "user_id,displayname,admin,deactivated,locked,user_type,creation_ts,last_seen_ts");
    const line = lines.find((l) => l.startsWith(`${mxid(`${prefix}exp`)},`));
    assert.ok(line, "the user is exported");
    assert.match(line, /^[^,]+,"Quote ""Q"", Comma",false,false,false,,\d+,$/);
    const back = await synadm(["user", "import", "--dry-run", tempFile("export.csv", result.stdout)]);
    assert.equal(back.code, 0, back.stderr);
    assert.ok(
      (JSON.parse(back.stdout).done as Array<{ action: string }>).every((d) => d.action === "would skip"),
    );
  });
});
