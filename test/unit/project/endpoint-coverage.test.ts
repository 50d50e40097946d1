import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { DOCUMENTED_ENDPOINTS as ENDPOINTS } from "../../support/documented-endpoints.ts";

describe("every documented admin endpoint has a library method", () => {
  const admin = new SynapseAdmin({ baseUrl: "http://localhost" }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  for (const [endpoint, resource, method] of ENDPOINTS) {
    it(`${endpoint} → admin.${resource}.${method}()`, () => {
      assert.equal(typeof admin[resource]?.[method], "function", `admin.${resource}.${method} is missing`);
    });
  }
});
