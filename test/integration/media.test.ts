import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, createUser, loginUser, runReference, uniquePrefix, upload } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();

const mediaInfo = async (server: string, id: string) =>
  (await adminApi("GET", `/v1/media/${server}/${id}`)) as {
    status: number;
    json: { media_info: Record<string, unknown> };
  };

describe("media", () => {
  it("list by user prints the reference's document; info shows a file", async () => {
    const userId = await createUser(`${prefix}up`, "pw");
    const token = await loginUser(`${prefix}up`, "pw");
    const file = await upload(token, "a.txt");
    for (const args of [
      ["media", "list", "-u", userId, "--ts"],
      ["media", "list", "-u", userId],
    ]) {
      const ours = await synadm(...args);
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(ours.stdout, reference.stdout, args.join(" "));
    }
    const info = json<{ media_info: { media_id: string } }>((await synadm("media", "info", file.uri)).stdout);
    assert.equal(info.media_info.media_id, file.id);
  });

  it("quarantine by ID, mxc URI and user; unquarantine; protect and unprotect; the changes are listed", async () => {
    await createUser(`${prefix}q`, "pw");
    const token = await loginUser(`${prefix}q`, "pw");
    const [one, two, three] = [await upload(token, "1"), await upload(token, "2"), await upload(token, "3")];
    assert.equal((await synadm("--batch", "media", "quarantine", "-i", one.id)).code, 0);
    assert.ok((await mediaInfo(one.server, one.id)).json.media_info["quarantined_by"]);
    assert.equal((await synadm("--batch", "media", "quarantine", "-U", two.uri)).code, 0);
    assert.ok((await mediaInfo(two.server, two.id)).json.media_info["quarantined_by"]);
    assert.equal((await synadm("media", "unquarantine", "-U", two.uri)).code, 0);
    assert.equal((await mediaInfo(two.server, two.id)).json.media_info["quarantined_by"], null);

    assert.equal((await synadm("media", "protect", three.id)).code, 0);
    assert.ok((await mediaInfo(three.server, three.id)).json.media_info["safe_from_quarantine"]);
    assert.equal((await synadm("media", "unprotect", three.id)).code, 0);
    assert.ok(!(await mediaInfo(three.server, three.id)).json.media_info["safe_from_quarantine"]);

    const byUser = await synadm(
      "--batch",
      "media",
      "quarantine",
      "-u",
      `${prefix}q`,
      "-s",
      "ignored.example",
    );
    assert.equal(byUser.code, 0, byUser.stderr);
    assert.match(byUser.stderr, /applies to a media ID only; ignored/);
    assert.ok((await mediaInfo(three.server, three.id)).json.media_info["quarantined_by"]);

    const changes = json<{ changes: Array<{ media_id: string; quarantined: boolean }> }>(
      (await synadm("media", "quarantine-changes")).stdout,
    );
    assert.ok(
      changes.changes.some((change) => change.media_id === two.id && !change.quarantined),
      JSON.stringify(changes),
    );
  });

  it("delete by ID and by age removes local media; bad combinations are refused first", async () => {
    await createUser(`${prefix}del`, "pw");
    const token = await loginUser(`${prefix}del`, "pw");
    const [one, two] = [await upload(token, "x"), await upload(token, "y")];
    for (const args of [
      ["-i", one.id, "--kib", "1"],
      ["-i", one.id, "--all"],
      ["-i", one.id, "-d", "1"],
      [],
    ]) {
      const result = await synadm("--batch", "media", "delete", ...args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    }
    const dry = await synadm("--batch", "media", "delete", "-i", one.id, "--dry-run");
    assert.equal(dry.code, 0);
    assert.equal((await mediaInfo(one.server, one.id)).status, 200);
    const byId = await synadm("--batch", "media", "delete", "-i", one.id);
    assert.deepEqual(json(byId.stdout), { deleted_media: [one.id], total: 1 });
    assert.equal((await mediaInfo(one.server, one.id)).status, 404);
    const byAge = await synadm("--batch", "media", "delete", "-t", String(Date.now() + 60_000));
    assert.equal(byAge.code, 0, byAge.stderr);
    assert.ok(json<{ deleted_media: string[] }>(byAge.stdout).deleted_media.includes(two.id));
    assert.equal((await mediaInfo(two.server, two.id)).status, 404);
  });

  it("purge asks for a time and purges the remote cache", async () => {
    const missing = await synadm("--batch", "media", "purge");
    assert.equal(missing.code, 2);
    const result = await synadm("--batch", "media", "purge", "-d", "30");
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(json(result.stdout), { deleted: 0 });
  });
});
