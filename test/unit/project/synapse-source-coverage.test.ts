// The second coverage check: what the Synapse of the test root serves, read
// from its source (test/support/synapse-source.ts), rather than what its docs
// list. Every admin servlet it registers has a library method, or a reason here
// why the project leaves it out.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { DOCUMENTED_ENDPOINTS } from "../../support/documented-endpoints.ts";
import { DEFAULT_ROOT, provisionRoot } from "../../support/synapse.ts";
import { adminServletEndpoints, type ServletEndpoint } from "../../support/synapse-source.ts";

const PACKAGES = join(DEFAULT_ROOT, "usr/lib/python3/dist-packages");

// Served, not in the docs, with the library method that calls it.
const UNDOCUMENTED: ReadonlyArray<readonly [string, string, string]> = [
  // synapse/rest/admin/user_reports.py (Synapse 1.152)
  ["GET /v1/user_reports", "userReports", "list"],
  ["GET /v1/user_reports/<report_id>", "userReports", "get"],
  ["DELETE /v1/user_reports/<report_id>", "userReports", "delete"],
];

// Served, and deliberately without a library method.
const LEFT_OUT: ReadonlyArray<readonly [string, string]> = [
  [
    "POST /v1/purge_history/<room_id>/<event_id>",
    "the older form of purge_up_to_event_id in the body, which purgeHistory.purge sends",
  ],
  [
    "POST /v1/quarantine_media/<room_id>",
    "the older path of POST /v1/room/<room_id>/media/quarantine (rooms.quarantineMedia)",
  ],
  [
    "GET /v1/search_users/<target_user_id>",
    "undocumented and superseded by the user list's name filter (users.listPage, GET /v2/users?name=)",
  ],
];

// Parameter names differ between the docs and the source (<room_id_or_alias>, <room_identifier>).
const shape = (endpoint: string): string => endpoint.replace(/<[^>]*>|\{[^}]*\}/g, "<>");

describe("every admin endpoint the test root's Synapse serves has a library method", () => {
  let served: ServletEndpoint[] = [];
  let version = "";
  const admin = new SynapseAdmin({ baseUrl: "http://localhost" }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const mapped = new Map(
    [...DOCUMENTED_ENDPOINTS, ...UNDOCUMENTED].map(([endpoint, resource, method]) => [
      shape(endpoint),
      `${resource}.${method}`,
    ]),
  );
  const leftOut = new Map(LEFT_OUT.map(([endpoint, reason]) => [shape(endpoint), reason]));
  const servedShapes = (): Set<string> => new Set(served.map((e) => shape(`${e.method} ${e.path}`)));

  before(async () => {
    // Provisioned as for the integration tests (at once when it is there): the source is the server's.
    await provisionRoot(DEFAULT_ROOT);
    served = adminServletEndpoints(join(PACKAGES, "synapse"));
    version =
      readdirSync(PACKAGES)
        .find((name) => /^matrix_synapse-.*\.dist-info$/.test(name))
        ?.replace(/^matrix_synapse-|\.dist-info$/g, "") ?? "unknown";
  });

  it("reads the servlets of synapse/rest/admin/ (the parser finds them all)", () => {
    assert.ok(served.length > 90, `only ${served.length} endpoints read from Synapse ${version}`);
    for (const known of ["GET /v2/users", "PUT /v1/send_server_notice/<txn_id>", "GET /v1/user_reports"])
      assert.ok(
        served.some((e) => `${e.method} ${e.path}` === known),
        `${known} not read from Synapse ${version}`,
      );
  });

  it("maps each served endpoint to a library method that exists, or gives the reason it is left out", () => {
    const problems: string[] = [];
    for (const endpoint of served) {
      const key = shape(`${endpoint.method} ${endpoint.path}`);
      const where = `${endpoint.method} /_synapse/admin${endpoint.path} (${endpoint.servlet}, ${endpoint.file})`;
      const target = mapped.get(key);
      if (target === undefined) {
        if (!leftOut.has(key)) problems.push(`${where}: no library method and not in LEFT_OUT`);
        continue;
      }
      if (leftOut.has(key)) problems.push(`${where}: has ${target} but is also in LEFT_OUT`);
      const [resource, method] = target.split(".") as [string, string];
      if (typeof admin[resource]?.[method] !== "function")
        problems.push(`${where}: admin.${target} is missing`);
    }
    assert.deepEqual(problems, [], `Synapse ${version}`);
  });

  it("lists nothing the server no longer serves", () => {
    const shapes = servedShapes();
    const stale = [
      ...LEFT_OUT.map(([endpoint]) => endpoint),
      ...UNDOCUMENTED.map(([endpoint]) => endpoint),
      // The client-API ones are not admin servlets.
      ...DOCUMENTED_ENDPOINTS.map(([endpoint]) => endpoint).filter((endpoint) => / \/v\d\//.test(endpoint)),
    ].filter((endpoint) => !shapes.has(shape(endpoint)));
    assert.deepEqual(stale, [], `not served by Synapse ${version}`);
  });
});
