import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, pollStatus, roomWithMessage, testServer } from "../support/server.ts";

const { synadm } = jsonSession();
const enc = encodeURIComponent;

describe("scheduled-tasks", () => {
  it("scheduled-tasks lists the task of a room delete", async () => {
    const { roomId } = await roomWithMessage(testServer().token, "doomed");
    const deletion = await adminApi("DELETE", `/v2/rooms/${enc(roomId)}`, {});
    assert.equal(deletion.status, 200);
    const tasks = json<{ scheduled_tasks: Array<{ resource_id: string; action: string }> }>(
      (await synadm("scheduled-tasks", "list", "-r", roomId)).stdout,
    );
    assert.deepEqual(
      tasks.scheduled_tasks.map((t) => [t.resource_id, t.action]),
      [[roomId, "shutdown_and_purge_room"]],
    );
  });

  it("scheduled-tasks filters by action, status and time, and accepts every documented status", async () => {
    const { roomId } = await roomWithMessage(testServer().token, "doomed too");
    assert.equal((await adminApi("DELETE", `/v2/rooms/${enc(roomId)}`, {})).status, 200);
    const tasks = async (...extra: string[]) =>
      json<{ scheduled_tasks: Array<{ resource_id: string; status: string }> }>(
        (await synadm("scheduled-tasks", "list", "-r", roomId, ...extra)).stdout,
      ).scheduled_tasks;
    assert.equal((await tasks("-a", "shutdown_and_purge_room")).length, 1);
    assert.deepEqual(await tasks("-a", "no_such_action"), []);
    assert.deepEqual(await tasks("--before", "2000-01-01"), []);
    assert.equal((await tasks("--before", String(Date.now() + 3_600_000))).length, 1);
    for (const status of ["scheduled", "active", "complete", "cancelled", "failed"]) {
      const listed = await synadm("scheduled-tasks", "list", "-s", status, "-r", roomId);
      assert.equal(listed.code, 0, listed.stderr);
    }
    assert.equal((await synadm("scheduled-tasks", "list", "-s", "bogus")).code, 2);
  });

  it("scheduled-tasks takes -a and -s several times, listing tasks matching any (Synapse 1.160)", async () => {
    const { roomId } = await roomWithMessage(testServer().token, "doomed as well");
    assert.equal((await adminApi("DELETE", `/v2/rooms/${enc(roomId)}`, {})).status, 200);
    // Finished first, so that the task's status holds while the filters are tried.
    // Right after the DELETE the status may not be there yet (a 404 without results).
    const finished = await pollStatus(async () => {
      const { json: status } = await adminApi("GET", `/v2/rooms/${enc(roomId)}/delete_status`);
      return (status as { results?: Array<{ status: string }> }).results?.[0]?.status ?? "";
    });
    assert.equal(finished, "complete");
    const tasks = async (...extra: string[]) => {
      const listed = await synadm("scheduled-tasks", "list", "-r", roomId, ...extra);
      assert.equal(listed.code, 0, listed.stderr);
      return json<{ scheduled_tasks: Array<{ action: string; status: string }> }>(listed.stdout)
        .scheduled_tasks;
    };
    // A server reading only the first value would find nothing: the match is the second.
    assert.equal((await tasks("-a", "no_such_action", "-a", "shutdown_and_purge_room")).length, 1);
    assert.deepEqual(await tasks("-a", "no_such_action", "-a", "nor_this"), []);
    const [task] = await tasks();
    const others = ["scheduled", "active", "complete", "cancelled", "failed"].filter(
      (s) => s !== task!.status,
    );
    assert.deepEqual(await tasks(...others.flatMap((status) => ["-s", status])), []);
    const either = await tasks(
      "-s",
      others[0]!,
      "-s",
      task!.status,
      "-a",
      "no_such_action",
      "-a",
      task!.action,
    );
    assert.deepEqual(
      either.map((t) => t.status),
      [task!.status],
    );
  });
});
