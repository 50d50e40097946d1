import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MasApiError } from "../../../src/api/errors.ts";
import { MasAdmin } from "../../../src/api/mas-admin.ts";
import { inProcessMas } from "../../support/mas-in-process.ts";
import { MAS_OPENAPI, type MasStandIn } from "../../support/mas-stand-in.ts";
import { OpenApiChecker } from "../../support/openapi-check.ts";

const standIns: MasStandIn[] = [];

function setup(): { mas: MasAdmin; standIn: MasStandIn } {
  const made = inProcessMas();
  standIns.push(made.standIn);
  return made;
}

describe("MAS admin API client, against the stand-in", () => {
  it("users: create, find, lock, admin, password, deactivate, reactivate", async () => {
    const { mas, standIn } = setup();
    const created = await mas.users.create({ username: "alice" });
    assert.equal(created.data.type, "user");
    const id = created.data.id;
    assert.equal((await mas.users.getByUsername("alice")).data.id, id);
    assert.ok((await mas.users.lock(id)).data.attributes.locked_at);
    assert.equal((await mas.users.unlock(id)).data.attributes.locked_at, null);
    assert.equal((await mas.users.setAdmin(id, { admin: true })).data.attributes.admin, true);
    assert.equal(await mas.users.setPassword(id, { password: "correct horse battery" }), undefined);
    assert.ok(standIn.record("users", id)!["password_set_at"]);
    assert.ok((await mas.users.deactivate(id, { skipErase: true })).data.attributes.deactivated_at);
    assert.equal((await mas.users.reactivate(id)).data.attributes.deactivated_at, null);
    assert.equal((await mas.users.get(id)).data.attributes.username, "alice");
    assert.deepEqual(standIn.violations, []);
  });

  it("lists follow page[after] as async iterators; awaited, the first page with its count", async () => {
    const { mas, standIn } = setup();
    for (let i = 0; i < 25; i++)
      standIn.seedUser(`user${String(i).padStart(2, "0")}`, { admin: i % 5 === 0 });
    const first = await mas.users.list({ first: 10 });
    assert.equal(first.meta?.count, 25);
    assert.equal(first.data?.length, 10);
    assert.ok(first.links.next);
    const names: string[] = [];
    for await (const user of mas.users.list({ first: 10 })) names.push(user.attributes.username);
    assert.equal(names.length, 25);
    assert.equal(new Set(names).size, 25);
    const admins = await mas.users.list({ admin: true, first: 2 }).toArray();
    assert.equal(admins.length, 5);
    const counted = await mas.users.list({ status: "active", count: "only" });
    assert.equal(counted.meta?.count, 25);
    assert.deepEqual(await mas.users.list({ search: "user2", count: "only" }).toArray(), []);
    const requested = standIn.requests.filter((each) => each.operationId === "listUsers");
    assert.match(requested[2]!.path, /page%5Bafter%5D=/);
    assert.deepEqual(standIn.violations, []);
  });

  it("camelCase options go out as MAS's snake_case bodies; a list's filters and paging share one object", async () => {
    const { mas, standIn } = setup();
    const { data } = await mas.users.create({
      username: "dave",
      displayname: "Dave",
      skipHomeserverCheck: true,
    });
    await mas.users.setPassword(data.id, { password: "correct horse battery", skipPasswordCheck: true });
    await mas.users.deactivate(data.id, { skipErase: true });
    await mas.personalSessions.create({
      actorUserId: data.id,
      humanName: "ops",
      scope: "openid",
      expiresIn: 60,
    });
    await mas.registrationTokens.add({ token: "abc", usageLimit: 2, expiresAt: null });
    const bodies = Object.fromEntries(
      standIn.requests.map((request) => [request.operationId, request.requestBody] as const),
    );
    assert.deepEqual(bodies["createUser"], {
      username: "dave",
      displayname: "Dave",
      skip_homeserver_check: true,
    });
    assert.deepEqual(bodies["setUserPassword"], {
      password: "correct horse battery",
      skip_password_check: true,
    });
    assert.deepEqual(bodies["deactivateUser"], { skip_erase: true });
    assert.deepEqual(bodies["createPersonalSession"], {
      actor_user_id: data.id,
      human_name: "ops",
      scope: "openid",
      expires_in: 60,
    });
    assert.deepEqual(bodies["addUserRegistrationToken"], { token: "abc", usage_limit: 2, expires_at: null });

    const page = await mas.users.list({ status: "deactivated", first: 1, count: "true" });
    assert.equal(page.data?.[0]?.id, data.id);
    const query = new URL(standIn.requests.at(-1)!.path, "https://auth.example.org").searchParams;
    assert.deepEqual(Object.fromEntries(query), {
      "filter[status]": "deactivated",
      "page[first]": "1",
      count: "true",
    });
    assert.deepEqual(standIn.violations, []);
  });

  it("failures are MasApiErrors carrying MAS's titles", async () => {
    const { mas, standIn } = setup();
    await mas.users.create({ username: "bob" });
    await assert.rejects(mas.users.create({ username: "bob" }), (error: unknown) => {
      assert.ok(error instanceof MasApiError);
      assert.equal(error.status, 409);
      assert.deepEqual(error.titles, ['User "bob" already exists']);
      assert.match(error.message, /HTTP 409: User "bob" already exists/);
      return true;
    });
    await assert.rejects(mas.users.get("01ARZ3NDEKTSV4RRFFQ69G5FAV"), (error: unknown) => {
      assert.ok(error instanceof MasApiError);
      assert.equal(error.status, 404);
      return true;
    });
    const wrongToken = new MasAdmin({ baseUrl: "https://auth.example.org", transport: standIn.transport() });
    await assert.rejects(wrongToken.server.version(), /HTTP 401: Missing or invalid access token/);
    assert.deepEqual(standIn.violations, []);
  });

  it("every other resource, each operation once", async () => {
    const { mas, standIn } = setup();
    assert.equal((await mas.server.version()).version, "1.20.0-stand-in");
    assert.equal((await mas.server.siteConfig()).server_name, "example.org");
    const userId = (await mas.users.create({ username: "carol" })).data.id;

    const email = await mas.userEmails.add({ userId, email: "carol@example.org" });
    assert.equal((await mas.userEmails.get(email.data.id)).data.attributes.email, "carol@example.org");
    assert.equal((await mas.userEmails.list({ user: userId })).data?.length, 1);
    await mas.userEmails.delete(email.data.id);
    assert.equal(standIn.records("user-emails").length, 0);

    const browser = standIn.seed("user-sessions", { user_id: userId, finished_at: null });
    const compat = standIn.seed("compat-sessions", { user_id: userId, device_id: "DEV1", finished_at: null });
    const client = standIn.seed("oauth2-clients", {
      client_id: "01J0000000000000000000C11E",
      redirect_uris: [],
      grant_types: ["client_credentials"],
      is_static: true,
      client_name: "automation",
    });
    const oauth = standIn.seed("oauth2-sessions", {
      user_id: userId,
      client_id: client,
      scope: "openid",
      finished_at: null,
    });
    for (const [resource, id] of [
      [mas.userSessions, browser],
      [mas.compatSessions, compat],
      [mas.oauth2Sessions, oauth],
    ] as const) {
      assert.equal((await resource.list({ user: userId, status: "active" })).data?.length, 1);
      assert.equal((await resource.get(id)).data.id, id);
      assert.ok((await resource.finish(id)).data.attributes.finished_at);
      await assert.rejects(resource.finish(id), /HTTP 400: Session already finished/);
    }
    assert.equal((await mas.oauth2Clients.list({ clientName: "automation" })).data?.length, 1);
    assert.equal((await mas.oauth2Clients.get(client)).data.attributes.client_name, "automation");

    const personal = await mas.personalSessions.create({
      actorUserId: userId,
      humanName: "support login",
      scope: "urn:matrix:client:api:*",
      expiresIn: 3600,
    });
    assert.match(personal.data.attributes.access_token ?? "", /^mpt_/);
    assert.equal((await mas.personalSessions.get(personal.data.id)).data.attributes.access_token, null);
    const again = await mas.personalSessions.regenerate(personal.data.id, { expiresIn: 60 });
    assert.notEqual(again.data.attributes.access_token, personal.data.attributes.access_token);
    assert.equal((await mas.personalSessions.list({ actorUser: userId })).data?.length, 1);
    assert.ok((await mas.personalSessions.revoke(personal.data.id)).data.attributes.revoked_at);
    await assert.rejects(mas.personalSessions.revoke(personal.data.id), /HTTP 409/);

    const token = await mas.registrationTokens.add({ usageLimit: 3 });
    const tokenId = token.data.id;
    assert.equal((await mas.registrationTokens.get(tokenId)).data.attributes.usage_limit, 3);
    assert.equal(
      (await mas.registrationTokens.update(tokenId, { usageLimit: null })).data.attributes.usage_limit,
      null,
    );
    assert.ok((await mas.registrationTokens.revoke(tokenId)).data.attributes.revoked_at);
    assert.equal((await mas.registrationTokens.list({ revoked: true })).data?.length, 1);
    assert.equal((await mas.registrationTokens.unrevoke(tokenId)).data.attributes.revoked_at, null);
    assert.equal((await mas.registrationTokens.list({ valid: true })).data?.length, 1);

    const provider = standIn.seed("upstream-oauth-providers", {
      issuer: "https://idp.example.org",
      registration_token_required: false,
      disabled_at: null,
    });
    assert.equal((await mas.upstreamOAuthProviders.list({ enabled: true })).data?.length, 1);
    assert.equal((await mas.upstreamOAuthProviders.get(provider)).data.id, provider);
    const link = await mas.upstreamOAuthLinks.add({
      userId,
      providerId: provider,
      subject: "sub-1",
    });
    assert.equal((await mas.upstreamOAuthLinks.get(link.data.id)).data.attributes.subject, "sub-1");
    assert.equal((await mas.upstreamOAuthLinks.list({ provider })).data?.length, 1);
    await mas.upstreamOAuthLinks.delete(link.data.id);

    await assert.rejects(mas.policyData.latest(), /HTTP 404/);
    const policy = await mas.policyData.set({ data: { admin_clients: ["01J0000000000000000000C11E"] } });
    assert.equal((await mas.policyData.latest()).data.id, policy.data.id);
    assert.deepEqual((await mas.policyData.get(policy.data.id)).data.attributes.data, {
      admin_clients: ["01J0000000000000000000C11E"],
    });

    assert.deepEqual(standIn.violations, []);
  });

  it("together, these tests call every operation, and each answered 2xx at least once", () => {
    const ok = new Set(
      standIns.flatMap((each) =>
        each.requests.filter((request) => request.status < 300).map((request) => request.operationId),
      ),
    );
    const all = Object.values(MAS_OPENAPI.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    assert.deepEqual(
      all.filter((id) => !ok.has(id)),
      [],
    );
  });
});

describe("the stand-in's OpenAPI checker", () => {
  const checker = new OpenApiChecker(MAS_OPENAPI);
  const getUser = checker.match("GET", "/api/admin/v1/users/01ARZ3NDEKTSV4RRFFQ69G5FAV")!;

  it("matches templates, a literal segment before a parameter", () => {
    assert.equal(getUser.operation.operationId, "getUser");
    assert.equal(
      checker.match("GET", "/api/admin/v1/users/by-username/alice")!.operation.operationId,
      "getUserByUsername",
    );
    assert.equal(checker.match("PATCH", "/api/admin/v1/users"), undefined);
  });

  it("refuses requests outside the description", () => {
    const list = checker.match("GET", "/api/admin/v1/users")!;
    assert.deepEqual(
      checker.checkRequest(list, new URLSearchParams("page[first]=10&filter[admin]=true"), undefined),
      [],
    );
    assert.match(
      checker.checkRequest(list, new URLSearchParams("limit=10"), undefined).join(),
      /limit: not a parameter/,
    );
    assert.match(
      checker.checkRequest(list, new URLSearchParams("page[first]=0"), undefined).join(),
      /below 1/,
    );
    assert.match(
      checker.checkRequest(list, new URLSearchParams("filter[admin]=yes"), undefined).join(),
      /expected boolean/,
    );
    assert.match(
      checker.checkRequest(list, new URLSearchParams("filter[status]=gone"), undefined).join(),
      /not one of/,
    );
    const bad = checker.match("GET", "/api/admin/v1/users/not-a-ulid")!;
    assert.match(checker.checkRequest(bad, new URLSearchParams(), undefined).join(), /does not match/);
    const create = checker.match("POST", "/api/admin/v1/users")!;
    assert.match(checker.checkRequest(create, new URLSearchParams(), undefined).join(), /no body/);
    assert.match(
      checker.checkRequest(create, new URLSearchParams(), { username: 5 }).join(),
      /body.username: expected string/,
    );
  });

  it("refuses answers outside the description", () => {
    assert.match(checker.checkResponse(getUser, 201, {}).join(), /status 201 is not an answer/);
    const problems = checker.checkResponse(getUser, 200, {
      data: {
        type: "user",
        id: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
        attributes: { username: "a", created_at: "yesterday" },
        links: { self: "/" },
      },
      links: { self: "/" },
    });
    assert.match(problems.join("\n"), /created_at: "yesterday" is not a date-time/);
    assert.match(problems.join("\n"), /admin is required/);
  });
});
