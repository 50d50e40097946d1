// Typed IDs: the @ts-expect-error lines are checked by `npm run typecheck` (a line
// that compiles fails it); the tests below check what a JavaScript caller, who
// has no types, gets instead: an InvalidArgumentError naming the argument,
// before any request.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidArgumentError, InvalidInputError, SynadmError } from "../../../src/api/errors.ts";
import { eventId, roomAlias, roomId, roomIdOrAlias, userId } from "../../../src/api/ids.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";
import { userSummary } from "../../support/fixtures.ts";

const alice = userId("@alice:example.org");
const lobby = roomId("!lobby:example.org");
const lobbyAlias = roomAlias("#lobby:example.org");
const event = eventId("$event");

// Never called: only compiled.
export function typeChecks(admin: SynapseAdmin, plain: string): void {
  // @ts-expect-error: a room ID where the user ID belongs
  void admin.users.get(lobby);
  // @ts-expect-error: a plain string must be turned into a UserId first
  void admin.users.get(plain);
  // @ts-expect-error: an alias where only a room ID works
  void admin.rooms.get(lobbyAlias);
  // @ts-expect-error: swapped arguments (room and user)
  void admin.rooms.join(alice, lobby);
  // @ts-expect-error: swapped arguments (event and room)
  void admin.rooms.eventContext(event, lobby);
  // @ts-expect-error: a user ID where the event ID belongs
  void admin.events.get(alice);
  // @ts-expect-error: an alias where the room ID of a purge belongs
  void admin.purgeHistory.purge(lobbyAlias, { beforeTs: 1 });
  // @ts-expect-error: a room ID where only an alias works
  void admin.rooms.resolveAlias(lobby);
  // @ts-expect-error: a user ID in the rooms to redact in
  void admin.users.redact(alice, { rooms: [alice] });

  // What compiles: the typed IDs, and an alias where Synapse takes either.
  void admin.users.get(alice);
  void admin.users.get("@bob:example.org");
  void admin.rooms.join(lobbyAlias, alice);
  void admin.rooms.join(lobby, alice);
  void admin.rooms.eventContext(lobby, event);
  void admin.users.get(userId(plain));
  void admin.rooms.makeAdmin(roomIdOrAlias(plain));
}

// IDs in answers are typed too, so they go back into calls as they are.
export async function answersTypeChecks(admin: SynapseAdmin): Promise<void> {
  for await (const user of admin.users.list()) await admin.users.get(user.name);
  for await (const room of admin.rooms.list()) await admin.rooms.members(room.room_id);
  const { members } = await admin.rooms.members(lobby);
  for (const member of members) await admin.users.joinedRooms(member);
  const { joined_rooms } = await admin.users.joinedRooms(alice);
  for (const joined of joined_rooms) await admin.rooms.get(joined);
  await admin.rooms.get((await admin.rooms.resolveAlias(lobbyAlias)).room_id);
  // @ts-expect-error: a user ID from an answer is still no room ID
  for await (const user of admin.users.list()) await admin.rooms.get(user.name);
}

function client(): { admin: SynapseAdmin; transport: FakeTransport } {
  const transport = new FakeTransport();
  return {
    admin: new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport }),
    transport,
  };
}

// What a JavaScript caller can pass: anything.
const untyped = (value: unknown) => value as never;

describe("typed IDs", () => {
  it("are made from strings by the constructors, which check the form", () => {
    assert.equal(userId("@alice:example.org"), "@alice:example.org");
    assert.equal(roomId("!abc"), "!abc");
    assert.equal(roomAlias("#a:example.org"), "#a:example.org");
    assert.equal(eventId("$e"), "$e");
    assert.equal(roomIdOrAlias("#a:example.org"), "#a:example.org");
    assert.equal(roomIdOrAlias("!a:example.org"), "!a:example.org");
    assert.throws(() => userId("alice"), InvalidInputError);
    assert.throws(() => roomId("#a:example.org"), InvalidInputError);
    assert.throws(() => roomAlias("!a:example.org"), InvalidInputError);
    assert.throws(() => eventId("e"), InvalidInputError);
    assert.throws(() => roomIdOrAlias("@a:example.org"), InvalidInputError);
  });

  it("are checked at the boundary, naming the argument, before any request", async () => {
    const { admin, transport } = client();
    const refused = async (call: Promise<unknown> | (() => unknown), parameter: string) => {
      const run = typeof call === "function" ? Promise.resolve().then(call) : call;
      await assert.rejects(run, (error: unknown) => {
        assert.ok(error instanceof InvalidArgumentError);
        assert.ok(error instanceof SynadmError);
        assert.equal(error.parameter, parameter);
        assert.match(error.message, new RegExp(`^${parameter}: `));
        return true;
      });
    };
    await refused(admin.users.get(untyped("!lobby:example.org")), "userId");
    await refused(admin.users.get(untyped(undefined)), "userId");
    await refused(admin.users.get(untyped(42)), "userId");
    await refused(admin.rooms.get(untyped("#lobby:example.org")), "roomId");
    await refused(admin.rooms.join(untyped(alice), untyped(lobby)), "roomIdOrAlias");
    await refused(admin.rooms.join(lobby, untyped(lobby)), "userId");
    await refused(admin.rooms.makeAdmin(lobby, untyped("bob")), "userId");
    await refused(admin.rooms.eventContext(lobby, untyped("event")), "eventId");
    await refused(admin.rooms.resolveAlias(untyped(lobby)), "alias");
    await refused(admin.events.get(untyped("e")), "eventId");
    await refused(admin.serverNotices.send(untyped("alice"), { content: {} }), "userId");
    await refused(admin.media.quarantineUserMedia(untyped("alice")), "userId");
    await refused(admin.purgeHistory.purge(untyped(lobbyAlias), { beforeTs: 1 }), "roomId");
    await refused(admin.users.redact(alice, { rooms: [untyped(lobbyAlias)] }), "rooms");
    await refused(() => admin.rooms.messages(untyped("lobby")), "roomId");
    await refused(() => admin.users.media(untyped("alice")), "userId");
    assert.equal(transport.requests.length, 0);
  });
});

describe("the boundary check", () => {
  it("checks the shape only: an ID the server has, whatever its localpart, goes through", async () => {
    const transport = new FakeTransport().otherwise({ status: 404, json: { errcode: "M_NOT_FOUND" } });
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    await assert.rejects(admin.users.get(untyped("@Ünï code:example.org")), /M_NOT_FOUND/);
    await assert.rejects(admin.rooms.get(untyped("!opaque")), /M_NOT_FOUND/);
    assert.equal(transport.requests.length, 2);
    assert.equal(
      transport.requests[0]!.url.pathname,
      "/_synapse/admin/v2/users/%40%C3%9Cn%C3%AF%20code%3Aexample.org",
    );
  });
});

describe("IDs in answers", () => {
  it("are checked by their sigil: a user list with a name that is no user ID is an invalid response", async () => {
    // The server's JSON: a name that is no user ID is what is being tested.
    const page = (name: string) => ({
      users: [{ ...userSummary({ name: "@x:example.org" }), name }],
      total: 1,
    });
    const transport = new FakeTransport({ json: page("@ok:example.org") }, { json: page("ok") });
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    assert.equal((await admin.users.listPage()).users[0]?.name, "@ok:example.org");
    await assert.rejects(admin.users.listPage(), /field users\.0\.name: expected a user ID/);
  });
});
