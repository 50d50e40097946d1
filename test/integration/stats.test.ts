import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError, parseJson as json, jsonSession } from "../support/cli.ts";
import { createUser, loginUser, mxid, testServer, uniquePrefix } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();

describe("stats", () => {
  it("stats media-usage counts a user's uploads, largest first in a table", async () => {
    await createUser(`${prefix}big`, "pw");
    const token = await loginUser(`${prefix}big`, "pw");
    for (const size of [10, 2000]) {
      await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=f`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
        body: "x".repeat(size),
      });
    }
    const usage = json<{ users: Array<{ user_id: string; media_count: number; media_length: number }> }>(
      (await synadm("stats", "media-usage", "-n", `${prefix}big`)).stdout,
    );
    assert.deepEqual(
      usage.users.map((u) => [u.user_id, u.media_count, u.media_length]),
      [[mxid(`${prefix}big`), 2, 2010]],
    );
    const table = (await synadm("-o", "human", "stats", "media-usage", "--since", "1d")).stdout;
    assert.match(table, /^user_id\s+displayname\s+media_count\s+media_length|^displayname|media_length/m);
  });

  it("stats room-sizes reports in one line that the SQLite test server cannot answer", async () => {
    const result = await synadm("stats", "room-sizes");
    assert.equal(result.code, 1);
    assertOneLineError(
      result.stderr,
      /GET \/_synapse\/admin\/v1\/statistics\/database\/rooms failed: HTTP 400 .*requires using PostgreSQL/,
    );
  });

  it("stats media-usage honours the time window, the sort and the human table order", async () => {
    await createUser(`${prefix}small`, "pw");
    await createUser(`${prefix}large`, "pw");
    for (const [user, size] of [
      [`${prefix}small`, 5],
      [`${prefix}large`, 5000],
    ] as const) {
      const token = await loginUser(user, "pw");
      const upload = await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=f`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
        body: "y".repeat(size),
      });
      assert.equal(upload.status, 200);
    }
    const mine = (...extra: string[]) =>
      synadm("stats", "media-usage", "-n", prefix, ...extra).then((r) =>
        json<{ users: Array<{ user_id: string; media_length: number }> }>(r.stdout)
          .users.filter((u) => u.user_id === mxid(`${prefix}small`) || u.user_id === mxid(`${prefix}large`))
          .map((u) => u.user_id),
      );
    assert.deepEqual(await mine("-s", "media_length"), [mxid(`${prefix}small`), mxid(`${prefix}large`)]);
    assert.deepEqual(await mine("-s", "media_length", "-r"), [
      mxid(`${prefix}large`),
      mxid(`${prefix}small`),
    ]);
    assert.deepEqual(await mine("--until", "2000-01-01"), []);
    assert.equal((await mine("--since", "1h", "--until", String(Date.now() + 60_000))).length, 2);

    const table = (await synadm("-o", "human", "stats", "media-usage", "-n", prefix, "-s", "user_id", "-r"))
      .stdout;
    const large = table.indexOf(`${prefix}large`);
    const small = table.indexOf(`${prefix}small`);
    assert.ok(large >= 0 && small >= 0 && large < small, table);
    assert.equal((await synadm("stats", "media-usage", "--since", "someday")).code, 2);
  });
});
