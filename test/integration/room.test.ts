import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  createRoom,
  createUser,
  loginUser,
  mxid,
  pollStatus,
  runReference,
  sendText,
  testServer,
  uniquePrefix,
} from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;
const admin = () => testServer().token;

describe("room: reading", () => {
  it("list, search, details, state, members and power-levels print the reference's documents", async () => {
    const roomId = await createRoom(admin(), {
      name: `${prefix} Lounge`,
      room_alias_name: `${prefix}lounge`,
    });
    for (const args of [
      ["room", "list", "-n", prefix],
      ["room", "search", prefix],
      ["room", "list", "-s", "name", "-r", "-l", "5"],
      ["room", "details", roomId],
      ["room", "members", roomId],
      ["room", "power-levels", "-n", prefix],
      ["room", "power-levels", "-i", roomId, "-a"],
      ["room", "resolve", `#${prefix}lounge:${testServer().serverName}`],
      ["room", "resolve", "-r", roomId],
      ["room", "block-status", roomId],
    ]) {
      const ours = await synadm(...args);
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(ours.code, 0, `${args.join(" ")}: ${ours.stderr}`);
      assert.equal(ours.stdout, reference.stdout, args.join(" "));
    }
    const state = json<{ state: Array<{ type: string }> }>((await synadm("room", "state", roomId)).stdout);
    assert.ok(state.state.some((event) => event.type === "m.room.create"));
  });

  it("power-levels shows the creators of a version 12 room, who are not in its power levels", async () => {
    const [creator, second, moderator] = [`${prefix}v12creator`, `${prefix}v12second`, `${prefix}v12mod`];
    for (const user of [creator, second, moderator]) await createUser(user, "pw");
    const token = await loginUser(creator, "pw");
    const name = `${prefix} twelve`;
    const roomId = await createRoom(token, {
      name,
      room_version: "12",
      creation_content: { additional_creators: [mxid(second)] },
      power_level_content_override: { users: { [mxid(moderator)]: 50 } },
    });
    const older = await createRoom(token, { name: `${prefix} eleven`, room_version: "11" });
    type Levels = {
      rooms: Array<{ room_id: string; power_levels: Record<string, number>; creators?: string[] }>;
    };
    const listed = json<Levels>((await synadm("room", "power-levels", "-i", roomId)).stdout).rooms;
    assert.deepEqual(
      listed.map((room) => [room.room_id, room.creators, room.power_levels]),
      [[roomId, [mxid(creator), mxid(second)], { [mxid(moderator)]: 50 }]],
    );
    const eleven = json<Levels>((await synadm("room", "power-levels", "-i", older)).stdout).rooms[0]!;
    assert.equal(eleven.creators, undefined);
    assert.equal(eleven.power_levels[mxid(creator)], 100);

    const human = await synadm("-o", "human", "room", "power-levels", "-i", roomId);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, new RegExp(`${mxid(creator)} creator`));
    assert.match(human.stdout, new RegExp(`${mxid(second)} creator`));
    assert.match(human.stdout, new RegExp(`${mxid(moderator)} 50`));
  });

  it("details tells whether a room was tombstoned and which room replaced it", async () => {
    const roomId = await createRoom(admin(), { name: `${prefix} to upgrade`, room_version: "11" });
    type Details = { tombstoned: boolean; replacement_room: string | null };
    const before = json<Details>((await synadm("room", "details", roomId)).stdout);
    assert.deepEqual([before.tombstoned, before.replacement_room], [false, null]);
    const upgraded = await clientApi(admin(), "POST", `/rooms/${enc(roomId)}/upgrade`, { new_version: "12" });
    assert.equal(upgraded.status, 200, JSON.stringify(upgraded.json));
    const replacement = (upgraded.json as { replacement_room: string }).replacement_room;
    const after = json<Details>((await synadm("room", "details", roomId)).stdout);
    assert.deepEqual([after.tombstoned, after.replacement_room], [true, replacement]);
    const human = await synadm("-o", "human", "room", "details", roomId);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^tombstoned\s+True$/m);
    assert.match(
      human.stdout,
      new RegExp(`^replacement_room\\s+${replacement.replace(/[$!.]/g, "\\$&")}$`, "m"),
    );
  });

  it("list --all and the filters find the rooms", async () => {
    for (let i = 0; i < 3; i++) await createRoom(admin(), { name: `${prefix} page ${i}` });
    const all = json<{ rooms: Array<{ name: string }>; total_rooms: number }>(
      (await synadm("room", "list", "--all", "-l", "1", "-n", `${prefix} page`)).stdout,
    );
    assert.equal(all.total_rooms, 3);
    assert.deepEqual(
      all.rooms.map((room) => room.name).sort(),
      [0, 1, 2].map((i) => `${prefix} page ${i}`),
    );
  });

  it("messages, context, timestamp-to-event and hierarchy show the room's events", async () => {
    const spaceId = await createRoom(admin(), {
      creation_content: { type: "m.space" },
      name: `${prefix} space`,
    });
    const childId = await createRoom(admin(), { name: `${prefix} child` });
    await clientApi(admin(), "PUT", `/rooms/${enc(spaceId)}/state/m.space.child/${enc(childId)}`, {
      via: [testServer().serverName],
    });
    const eventId = await sendText(admin(), childId, "hello there");

    const messages = json<{ chunk: Array<{ event_id: string }> }>(
      (await synadm("room", "messages", childId, "-b", "-l", "5")).stdout,
    );
    assert.ok(messages.chunk.some((event) => event.event_id === eventId));
    const around = json<{ event: { event_id: string } }>(
      (await synadm("room", "context", childId, eventId)).stdout,
    );
    assert.equal(around.event.event_id, eventId);
    const closest = await synadm("room", "timestamp-to-event", childId, String(Date.now() + 1000), "-b");
    assert.equal(json<{ event_id: string }>(closest.stdout).event_id, eventId);
    const tree = json<{ rooms: Array<{ room_id: string }> }>(
      (await synadm("room", "hierarchy", spaceId)).stdout,
    );
    assert.deepEqual(tree.rooms.map((room) => room.room_id).sort(), [spaceId, childId].sort());
    const extremities = json<{ count: number }>(
      (await synadm("room", "forward-extremities", "show", childId)).stdout,
    );
    assert.ok(extremities.count >= 1);
    const deleted = await synadm("--batch", "room", "forward-extremities", "delete", childId);
    assert.deepEqual(json(deleted.stdout), { deleted: 0 });
  });

  it("refuses malformed room IDs before any request, and reports an unknown alias", async () => {
    for (const args of [
      ["room", "details", "#not-an-id:x"],
      ["room", "state", "abc"],
      ["room", "delete-status"],
    ]) {
      const result = await synadm(...args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    }
    const unknown = await synadm("room", "resolve", `#${prefix}nowhere:${testServer().serverName}`);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /HTTP 404 M_NOT_FOUND/);
  });
});

describe("room: changing", () => {
  it("join puts a user in the room; make-admin gives the admin power in a room it is not in", async () => {
    const roomId = await createRoom(admin(), { preset: "public_chat" });
    const userId = await createUser(`${prefix}joiner`, "pw");
    const joined = await synadm("room", "join", roomId, `${prefix}joiner`);
    assert.equal(joined.code, 0, joined.stderr);
    const rooms = (await adminApi("GET", `/v1/users/${enc(userId)}/joined_rooms`)).json as {
      joined_rooms: string[];
    };
    assert.deepEqual(rooms.joined_rooms, [roomId]);

    await createUser(`${prefix}owner`, "pw");
    const ownerToken = await loginUser(`${prefix}owner`, "pw");
    const privateRoom = await createRoom(ownerToken, {});
    assert.equal((await synadm("--batch", "room", "make-admin", privateRoom)).code, 0);
    const levels = (await adminApi("GET", `/v1/rooms/${enc(privateRoom)}/state`)).json as {
      state: Array<{ type: string; content: { users?: Record<string, number> } }>;
    };
    const users = levels.state.find((event) => event.type === "m.room.power_levels")!.content.users!;
    assert.equal(users[mxid("admin")], 100);
  });

  it("block and unblock a room the server does not know", async () => {
    const roomId = `!${prefix}unknown:${testServer().serverName}`;
    assert.equal((await synadm("--batch", "room", "block", roomId)).code, 0);
    assert.equal(
      ((await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json as { block: boolean }).block,
      true,
    );
    assert.equal((await synadm("--batch", "room", "block", "-u", roomId)).code, 0);
    assert.deepEqual((await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json, { block: false });
  });

  it("delete follows the delete to the end; the room is gone and blocked", async () => {
    const roomId = await createRoom(admin(), { name: `${prefix} doomed` });
    const refused = await synadm("room", "delete", roomId);
    assert.equal(refused.code, 10);
    assert.match(refused.stderr, /Aborted: nothing was changed .*standard input ended/);
    const bad = await synadm("--batch", "room", "delete", roomId, "--no-purge", "--force-purge");
    assert.equal(bad.code, 2);
    const result = await synadm("--batch", "room", "delete", roomId, "-b");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Room delete .*: complete/);
    assert.equal(json<{ status: string }>(result.stdout).status, "complete");
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status, 404);
    assert.equal(
      ((await adminApi("GET", `/v1/rooms/${enc(roomId)}/block`)).json as { block: boolean }).block,
      true,
    );
  });

  it("delete --v1 deletes synchronously", async () => {
    const roomId = await createRoom(admin(), {});
    const result = await synadm("--batch", "room", "delete", roomId, "--v1");
    assert.equal(result.code, 0, result.stderr);
    assert.ok("kicked_users" in json<Record<string, unknown>>(result.stdout));
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status, 404);
  });

  it("delete --no-wait returns the delete ID, which delete-status follows", async () => {
    const roomId = await createRoom(admin(), {});
    const result = await synadm("--batch", "room", "delete", roomId, "--no-wait");
    assert.equal(result.code, 0, result.stderr);
    const { delete_id } = json<{ delete_id: string }>(result.stdout);
    const status = await pollStatus(
      async () =>
        json<{ status: string }>((await synadm("room", "delete-status", "-d", delete_id)).stdout).status,
    );
    assert.equal(status, "complete");
    const byRoom = json<{ results: Array<{ delete_id: string }> }>(
      (await synadm("room", "delete-status", "-r", roomId)).stdout,
    );
    assert.equal(byRoom.results[0]!.delete_id, delete_id);
  });

  it("purge-empty deletes exactly the rooms without local members", async () => {
    await createUser(`${prefix}leaver`, "pw");
    const token = await loginUser(`${prefix}leaver`, "pw");
    const emptied = [await createRoom(token), await createRoom(token)];
    for (const roomId of emptied) await clientApi(token, "POST", `/rooms/${enc(roomId)}/leave`, {});
    const occupied = await createRoom(admin(), {});
    // synadm's review step: the list of the rooms that would be deleted.
    const dry = json<string[]>((await synadm("room", "purge-empty", "--dry-run")).stdout);
    for (const roomId of emptied) assert.ok(dry.includes(roomId));
    assert.ok(!dry.includes(occupied));
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(emptied[0]!)}`)).status, 200);
    const result = await synadm("--batch", "room", "purge-empty", "-p", "2");
    assert.equal(result.code, 0, result.stderr);
    for (const roomId of emptied)
      assert.equal((await adminApi("GET", `/v1/rooms/${enc(roomId)}`)).status, 404);
    assert.equal((await adminApi("GET", `/v1/rooms/${enc(occupied)}`)).status, 200);
  });

  it("publish and unpublish change the room directory", async () => {
    const roomId = await createRoom(admin(), {});
    const visibility = async () =>
      (
        (await clientApi(admin(), "GET", `/directory/list/room/${enc(roomId)}`)).json as {
          visibility: string;
        }
      ).visibility;
    assert.equal((await synadm("room", "publish", roomId)).code, 0);
    assert.equal(await visibility(), "public");
    assert.equal((await synadm("room", "unpublish", roomId)).code, 0);
    assert.equal(await visibility(), "private");
  });

  it("media list shows a room's media and quarantine quarantines it", async () => {
    const roomId = await createRoom(admin(), {});
    const upload = await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=p.png`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin()}`, "content-type": "image/png" },
      body: "not really a png",
    });
    const { content_uri } = (await upload.json()) as { content_uri: string };
    await clientApi(admin(), "PUT", `/rooms/${enc(roomId)}/send/m.room.message/img1`, {
      msgtype: "m.image",
      body: "p.png",
      url: content_uri,
    });
    const listed = json<{ local: string[] }>((await synadm("room", "media", "list", roomId)).stdout);
    assert.deepEqual(listed.local, [content_uri]);
    const result = await synadm("--batch", "room", "media", "quarantine", roomId);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(json(result.stdout), { num_quarantined: 1 });
    const [, server, mediaId] = /^mxc:\/\/([^/]+)\/(.+)$/.exec(content_uri)!;
    const info = (await adminApi("GET", `/v1/media/${server}/${mediaId}`)).json as {
      media_info: { quarantined_by: string };
    };
    assert.equal(info.media_info.quarantined_by, mxid("admin"));
  });
});
