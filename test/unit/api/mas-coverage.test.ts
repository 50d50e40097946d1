import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InvalidResponseError } from "../../../src/api/errors.ts";
import { MasAdmin } from "../../../src/api/mas-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";
import { MAS_OPERATIONS } from "../../support/mas-operations.ts";

interface Operation {
  operationId: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
}
const spec = JSON.parse(
  readFileSync(new URL("../../fixtures/mas-admin-api/openapi.json", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(spec.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    template,
    method: method.toUpperCase(),
    operation,
  })),
);
const ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

describe("every operation of MAS's admin API has a library method", () => {
  it("the description has its 47 operations, and the table no others", () => {
    assert.equal(operations.length, 47);
    const ids = new Set(operations.map(({ operation }) => operation.operationId));
    assert.deepEqual(
      Object.keys(MAS_OPERATIONS).filter((id) => !ids.has(id)),
      [],
    );
  });

  for (const { template, method, operation } of operations) {
    const [resource, name] = MAS_OPERATIONS[operation.operationId] ?? ["?", "?"];
    it(`${method} ${template} (${operation.operationId}) → mas.${resource}.${name}()`, async () => {
      const transport = new FakeTransport().otherwise({ json: { data: [], links: { self: "/" } } });
      const mas = new MasAdmin({ baseUrl: "https://auth.example.org/", accessToken: "mas_t", transport });
      const group = (mas as unknown as Record<string, Record<string, unknown>>)[resource];
      const call = group?.[name];
      assert.equal(typeof call, "function", `mas.${resource}.${name} is missing`);
      const pathArgs = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
      const args: unknown[] = pathArgs.map(() => ID);
      if (operation.requestBody !== undefined) args.push({});
      try {
        await (call as (...a: unknown[]) => unknown).apply(group, args);
      } catch (error) {
        // The one answer fits no operation's schema; only the request matters here.
        if (!(error instanceof InvalidResponseError)) throw error;
      }
      const sent = transport.requests[0]!;
      assert.equal(sent.method, method);
      assert.equal(sent.url.pathname, template.replace(/\{\w+\}/g, ID));
      assert.equal(sent.headers["authorization"], "Bearer mas_t");
    });
  }
});
