import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NotFoundError } from "../../../src/api/errors.ts";
import { CliError } from "../../../src/cli/runtime/errors.ts";
import { explainUnservedUnderMas, insteadUnderMas } from "../../../src/cli/runtime/unserved-under-mas.ts";

const unrecognized = (method: string, path: string): NotFoundError =>
  new NotFoundError(404, { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" }, { method, path });

describe("endpoints Synapse leaves out under MAS", () => {
  it("names what to use instead, by method where it matters, whatever the admin prefix", () => {
    assert.match(insteadUnderMas("GET", "/_synapse/admin/v1/users/%40a%3Ax/admin") ?? "", /mas user show/);
    // synadm's own commands go to MAS there: the message names them first.
    assert.match(
      insteadUnderMas("GET", "/_synapse/admin/v1/users/%40a%3Ax/admin") ?? "",
      /`synadm user server-admin show` asks MAS/,
    );
    assert.match(
      insteadUnderMas("POST", "/_synapse/admin/v1/users/%40a%3Ax/login") ?? "",
      /`synadm user login`/,
    );
    assert.match(insteadUnderMas("PUT", "/admin/v1/users/%40a%3Ax/admin") ?? "", /mas user set-admin/);
    assert.match(insteadUnderMas("GET", "/_synapse/admin/v1/registration_tokens?valid=true") ?? "", /regtok/);
    assert.match(insteadUnderMas("POST", "/_synapse/admin/v1/reset_password/%40a%3Ax") ?? "", /set-password/);
    assert.equal(insteadUnderMas("GET", "/_synapse/admin/v2/users/%40a%3Ax"), undefined);
    assert.equal(insteadUnderMas("GET", "/_synapse/admin/v1/users/%40a%3Ax/joined_rooms"), undefined);
  });

  it("explains only an unrecognized request of such an endpoint on a server that delegates", async () => {
    const error = unrecognized("POST", "/_synapse/admin/v1/register");
    const explained = await explainUnservedUnderMas(error, async () => "https://hs.example");
    assert.ok(explained instanceof CliError);
    assert.equal(
      explained.message,
      "https://hs.example delegates auth to the Matrix Authentication Service, so Synapse does not serve " +
        "POST /_synapse/admin/v1/register; users are created in MAS: `synadm user register` and " +
        "`synadm user modify` do (as does `synadm mas user create`)",
    );
    assert.equal(await explainUnservedUnderMas(error, async () => undefined), error);
    const broken = async (): Promise<string> => {
      throw new Error("offline");
    };
    assert.equal(await explainUnservedUnderMas(error, broken), error);
    const missingUser = new NotFoundError(
      404,
      { errcode: "M_NOT_FOUND", error: "User not found" },
      { method: "GET", path: "/_synapse/admin/v1/users/%40a%3Ax/admin" },
    );
    let asked = false;
    const ask = async (): Promise<string> => {
      asked = true;
      return "https://hs.example";
    };
    assert.equal(await explainUnservedUnderMas(missingUser, ask), missingUser);
    assert.equal(
      (await explainUnservedUnderMas(unrecognized("GET", "/_synapse/admin/v1/whois/x"), ask)) instanceof
        NotFoundError,
      true,
    );
    assert.equal(asked, false, "the server is asked only for an endpoint in the list");
  });
});
