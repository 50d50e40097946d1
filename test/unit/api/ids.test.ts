import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidInputError } from "../../../src/api/errors.ts";
import {
  expandUserId,
  parseEventId,
  parseMxcUri,
  parseRoomAlias,
  parseRoomId,
  parseUserId,
  type RoomId,
  type UserId,
} from "../../../src/api/ids.ts";
import { checkPathSegments, encodePathSegment, joinUrl } from "../../../src/api/path.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";

describe("Matrix IDs", () => {
  it("accepts valid IDs and rejects malformed ones with the expected form", () => {
    assert.equal(parseUserId("@alice:example.org"), "@alice:example.org");
    assert.equal(parseUserId("@a.b_c=d/e:[::1]:8448"), "@a.b_c=d/e:[::1]:8448");
    for (const bad of [
      "alice",
      "@alice",
      "@:example.org",
      "@alice:",
      "@al ice:example.org",
      "@alice:exa mple.org",
    ]) {
      assert.throws(
        () => parseUserId(bad),
        (e: unknown) => e instanceof InvalidInputError && /@alice:example\.org|not allow/.test(e.message),
        bad,
      );
    }
    assert.equal(parseRoomId("!abc:example.org"), "!abc:example.org");
    assert.equal(parseRoomId("!OGEhHVWSdvArJzumhm"), "!OGEhHVWSdvArJzumhm");
    assert.throws(() => parseRoomId("#alias:example.org"), /!opaque:example.org/);
    assert.throws(() => parseRoomId("!:example.org"), InvalidInputError);
    assert.equal(parseRoomAlias("#room:example.org"), "#room:example.org");
    assert.throws(() => parseRoomAlias("#room"), /#name:example.org/);
    assert.equal(parseEventId("$abc123"), "$abc123");
    assert.throws(() => parseEventId("abc"), /\$opaque/);
    assert.deepEqual(parseMxcUri("mxc://example.org/AbC_1-2"), {
      serverName: "example.org",
      mediaId: "AbC_1-2",
    });
    assert.throws(() => parseMxcUri("https://example.org/x"), /mxc:\/\/example.org\/MediaId/);
  });

  it("expands bare localparts as synadm does", () => {
    assert.equal(expandUserId("alice", "example.org"), "@alice:example.org");
    assert.equal(expandUserId("@alice", "example.org"), "@alice:example.org");
    assert.equal(expandUserId("alice:", "example.org"), "@alice:example.org");
    assert.equal(expandUserId("@bob:other.org", "example.org"), "@bob:other.org");
    assert.throws(() => expandUserId("al ice", "example.org"), /localpart like alice/);
  });

  it("encodes every reserved character of IDs in path segments", () => {
    assert.equal(encodePathSegment("@a/b:c!d#e$f'(g)*"), "%40a%2Fb%3Ac%21d%23e%24f%27%28g%29%2A");
    assert.equal(
      joinUrl("https://h:8448/", "/_synapse/admin/", "/v1/x"),
      "https://h:8448/_synapse/admin/v1/x",
    );
    assert.equal(joinUrl("https://h/sub", "", "v1/x?y=1"), "https://h/sub/v1/x?y=1");
  });
});

describe("IDs that would collapse the request path", () => {
  const collapsing = ["", ".", ".."];

  it("are found in an endpoint path, encoded or not", () => {
    for (const id of [...collapsing, "%2E", "%2e%2E"]) {
      assert.throws(() => checkPathSegments(`/v1/registration_tokens/${id}`), InvalidInputError, `"${id}"`);
      assert.throws(() => checkPathSegments(`/v1/users/${id}/devices`), InvalidInputError, `"${id}"`);
    }
    assert.throws(() => checkPathSegments("v1//x?a=1"), /invalid path v1\/\/x: it has an empty one/);
    for (const fine of ["/v1/x/...", "/v1/a.b", "v1/x?next=/../", "/v1/.well-known", "/v1/%2E%2E%2E"])
      assert.doesNotThrow(() => checkPathSegments(fine), fine);
  });

  it("are refused before any request by the resources", async () => {
    const transport = new FakeTransport();
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    for (const id of collapsing) {
      await assert.rejects(admin.registrationTokens.delete(id), InvalidInputError);
      await assert.rejects(admin.users.deleteDevice("@alice:example.org", id), InvalidInputError);
      await assert.rejects(admin.users.get(id as UserId), InvalidInputError);
      await assert.rejects(admin.rooms.get(id as RoomId), InvalidInputError);
      await assert.rejects(
        admin.request({ method: "DELETE", path: `v1/registration_tokens/${id}` }),
        /invalid path/,
      );
    }
    assert.equal(transport.requests.length, 0);
  });
});
