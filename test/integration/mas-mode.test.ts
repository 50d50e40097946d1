// The built CLI against a second, real Synapse in MAS mode (`matrix_authentication_service`),
// started here next to the usual one, with the MAS stand-in as its MAS: Synapse introspects
// the admin's token at the stand-in, and the users the stand-in creates or changes are
// passed on to Synapse's /_synapse/mas/* endpoints, so Synapse's state is real.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { useMasMode } from "../support/mas-mode.ts";
import type { SynapseServer } from "../support/synapse.ts";

let server: SynapseServer;
let home = "";
const mas = useMasMode({
  ready: (started) => {
    ({ server, home } = started);
  },
});
const { standIn, synadm, ok, synapseUser } = mas;

describe("synadm against Synapse in MAS mode", () => {
  it("the stand-in's users are Synapse's: mas user create provisions them there", async () => {
    for (const name of ["alice", "spam1", "spam2"]) await ok("mas", "user", "create", name);
    assert.deepEqual(
      standIn.homeserverCalls.filter((call) => call.body["localpart"] === "alice").map((c) => c.path),
      ["provision_user"],
    );
    assert.equal((await synapseUser("alice"))?.name, "@alice:mas.test");
    assert.equal((await synapseUser("spam2"))?.deactivated, false);
  });

  it("version", async () => {
    const version = await ok("version");
    assert.match(JSON.stringify(version), /1\.\d+/);
  });

  it("user list sends guests=false (Synapse refuses the default under MAS); search and details", async () => {
    const list = await synadm("-v", "user", "list");
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stderr, /guests=false/);
    // Found once on the first user list, and cached for the next.
    const cache = JSON.parse(readFileSync(join(home, ".cache", "synadm", "auth-delegation.json"), "utf8"));
    const entry = cache[server.baseUrl].delegation;
    assert.equal(entry.delegated, true);
    assert.equal(entry.issuer, `${standIn.baseUrl}/`);
    const cached = readFileSync(join(home, ".cache", "synadm", "auth-delegation.json"), "utf8");
    const names = JSON.parse(list.stdout).users.map((user: { name: string }) => user.name);
    assert.deepEqual(names.sort(), [
      "@alice:mas.test",
      "@masadmin:mas.test",
      "@spam1:mas.test",
      "@spam2:mas.test",
    ]);
    const found = await ok("user", "search", "spam");
    assert.deepEqual(found.users.map((user: { name: string }) => user.name).sort(), [
      "@spam1:mas.test",
      "@spam2:mas.test",
    ]);
    const details = await ok("user", "details", "alice");
    assert.equal(details.name, "@alice:mas.test");
    assert.equal(details.admin, false);
    const again = readFileSync(join(home, ".cache", "synadm", "auth-delegation.json"), "utf8");
    assert.equal(again, cached, "the cached answer is used, not asked again");
  });

  it("room list shows the room the admin made", async () => {
    const created = await fetch(`${server.baseUrl}/_matrix/client/v3/createRoom`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ name: "under MAS" }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const { room_id } = (await created.json()) as { room_id: string };
    const rooms = await ok("room", "list");
    assert.deepEqual(
      rooms.rooms.map((room: { room_id: string }) => room.room_id),
      [room_id],
    );
  });

  it("deactivate-regex and notice send -r, dry runs, find the users and change nothing", async () => {
    const dry = await synadm("user", "deactivate-regex", "@spam.*", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout + dry.stderr, /@spam1:mas\.test/);
    assert.match(dry.stdout + dry.stderr, /@spam2:mas\.test/);
    assert.doesNotMatch(dry.stdout + dry.stderr, /@alice:mas\.test/);
    const notice = await synadm("notice", "send", "-r", "@spam.*", "maintenance at noon", "--dry-run");
    assert.equal(notice.code, 0, notice.stderr);
    assert.match(notice.stdout + notice.stderr, /@spam1:mas\.test/);
    assert.equal((await synapseUser("spam1")).deactivated, false);
    assert.equal((await synapseUser("spam2")).deactivated, false);
  });

  it("locking and deactivating in MAS reach Synapse", async () => {
    await ok("--batch", "mas", "user", "lock", "spam1");
    assert.equal((await synapseUser("spam1")).locked, true);
    await ok("mas", "user", "unlock", "spam1");
    assert.equal((await synapseUser("spam1")).locked, false);
    await ok("--batch", "mas", "user", "deactivate", "spam2");
    assert.equal((await synapseUser("spam2")).deactivated, true);
    await ok("mas", "user", "reactivate", "spam2");
    assert.equal((await synapseUser("spam2")).deactivated, false);
  });

  it("an email added in MAS is Synapse's too, and goes when removed there", async () => {
    const added = await ok("mas", "email", "add", "alice", "alice@mas.test");
    const addresses = async (): Promise<string[]> =>
      ((await synapseUser("alice")).threepids as { address: string }[]).map((threepid) => threepid.address);
    assert.deepEqual(await addresses(), ["alice@mas.test"]);
    await ok("--batch", "mas", "email", "remove", added.data.id);
    assert.deepEqual(await addresses(), []);
  });

  it("a personal session's token, introspected at the stand-in, acts as its user on Synapse", async () => {
    const created = await ok("mas", "personal-session", "create", "alice", "-n", "support", "-e", "600");
    const whoami = await fetch(`${server.baseUrl}/_matrix/client/v3/account/whoami`, {
      headers: { authorization: `Bearer ${created.data.attributes.access_token}` },
    });
    assert.equal(whoami.status, 200);
    assert.equal(((await whoami.json()) as { user_id: string }).user_id, "@alice:mas.test");
    // Not an admin's scope: Synapse's Admin API refuses it.
    const admin = await fetch(`${server.baseUrl}/_synapse/admin/v2/users/@alice:mas.test`, {
      headers: { authorization: `Bearer ${created.data.attributes.access_token}` },
    });
    assert.equal(admin.status, 403);
    const unknown = await fetch(`${server.baseUrl}/_matrix/client/v3/account/whoami`, {
      headers: { authorization: "Bearer mat_never_issued" },
    });
    assert.equal(unknown.status, 401);
  });
});
