import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InvalidArgumentError, InvalidResponseError } from "../../../src/api/errors.ts";
import { MasAdmin } from "../../../src/api/mas-admin.ts";
import {
  MAS_BODY_FIELDS,
  MAS_FILTER_PARAMETERS,
  MAS_PAGING_PARAMETERS,
} from "../../../src/api/resources/mas-options.ts";
import { FakeTransport } from "../../support/fake-transport.ts";
import { MAS_OPERATIONS } from "../../support/mas-operations.ts";

interface Operation {
  operationId: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: { "application/json": { schema: { $ref: string } } } };
}
const spec = JSON.parse(
  readFileSync(new URL("../../fixtures/mas-admin-api/openapi.json", import.meta.url), "utf8"),
) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};
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

/** `skip_homeserver_check` → `skipHomeserverCheck`, `active-oauth2-client` → `activeOauth2Client`. */
function camelCase(name: string): string {
  return name.replace(/[-_]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

const ignoreAnswer = (error: unknown) => {
  // The one answer fits no operation's schema; only the request matters here.
  if (!(error instanceof InvalidResponseError)) throw error;
};

function client(): { mas: MasAdmin; transport: FakeTransport } {
  const transport = new FakeTransport().otherwise({ json: { data: [], links: { self: "/" } } });
  return { mas: new MasAdmin({ baseUrl: "https://auth.example.org/", transport }), transport };
}

function methodOf(mas: MasAdmin, operationId: string): (...args: unknown[]) => unknown {
  const [resource, name] = MAS_OPERATIONS[operationId]!;
  const group = (mas as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
    resource
  ]!;
  return group[name]!.bind(group);
}

describe("each camelCase option maps to exactly the fields and parameters of MAS's OpenAPI description", () => {
  const withBody = operations.filter(({ operation }) => operation.requestBody !== undefined);
  it("the body tables cover exactly the operations with a body", () => {
    assert.deepEqual(
      Object.keys(MAS_BODY_FIELDS).sort(),
      withBody.map(({ operation }) => operation.operationId).sort(),
    );
  });

  for (const { template, operation } of withBody) {
    const ref = operation.requestBody!.content["application/json"].schema.$ref;
    const schemaName = ref.split("/").at(-1)!;
    const table: Readonly<Record<string, string>> =
      MAS_BODY_FIELDS[operation.operationId as keyof typeof MAS_BODY_FIELDS] ?? {};
    it(`${operation.operationId}: each option is one field of ${schemaName}, in camelCase`, async () => {
      const fields = Object.keys(spec.components.schemas[schemaName]?.properties ?? {});
      assert.deepEqual(Object.values(table).sort(), [...fields].sort());
      for (const [option, field] of Object.entries(table)) assert.equal(option, camelCase(field));

      const { mas, transport } = client();
      const pathArgs = template.match(/\{\w+\}/g) ?? [];
      const given = Object.fromEntries(Object.keys(table).map((option) => [option, `value of ${option}`]));
      await Promise.resolve(methodOf(mas, operation.operationId)(...pathArgs.map(() => ID), given)).catch(
        ignoreAnswer,
      );
      const sent = JSON.parse(transport.requests[0]!.body ?? "null") as Record<string, unknown>;
      assert.deepEqual(
        sent,
        Object.fromEntries(Object.entries(table).map(([option, field]) => [field, `value of ${option}`])),
      );
    });
  }

  it("an option the table does not know (0.1's snake_case) fails before any request", async () => {
    const { mas, transport } = client();
    await assert.rejects(mas.users.deactivate(ID, { skip_erase: true } as never), (error: unknown) => {
      assert.ok(error instanceof InvalidArgumentError);
      assert.equal(error.parameter, "deactivation");
      assert.match(error.message, /unknown option "skip_erase"; expected one of skipErase/);
      return true;
    });
    assert.throws(() => mas.users.list({ "filter[admin]": true } as never), InvalidArgumentError);
    assert.equal(transport.requests.length, 0);
  });

  const lists = operations.filter(({ operation }) => operation.operationId in MAS_FILTER_PARAMETERS);
  it("the filter tables cover exactly the lists", () => {
    assert.deepEqual(
      Object.keys(MAS_FILTER_PARAMETERS).sort(),
      operations
        .filter(({ operation }) =>
          (operation.parameters ?? []).some((each) => each.name.startsWith("filter[")),
        )
        .map(({ operation }) => operation.operationId)
        .sort(),
    );
  });

  for (const { operation } of lists) {
    const table: Readonly<Record<string, string>> =
      MAS_FILTER_PARAMETERS[operation.operationId as keyof typeof MAS_FILTER_PARAMETERS];
    it(`${operation.operationId}: each filter and paging option is one of its query parameters`, async () => {
      const query = (operation.parameters ?? [])
        .filter((each) => each.in === "query")
        .map((each) => each.name);
      const names = { ...table, ...MAS_PAGING_PARAMETERS };
      assert.deepEqual(Object.values(names).sort(), [...query].sort());
      for (const [option, name] of Object.entries(table))
        assert.equal(option, camelCase(name.replace(/^filter\[(.*)\]$/, "$1")));

      const { mas, transport } = client();
      const given = Object.fromEntries(
        Object.keys(names).map((option) => [option, option === "first" || option === "last" ? 2 : option]),
      );
      await Promise.resolve(methodOf(mas, operation.operationId)(given)).catch(ignoreAnswer);
      const sent = transport.requests[0]!.url.searchParams;
      assert.deepEqual([...new Set(sent.keys())].sort(), [...query].sort());
      for (const [option, name] of Object.entries(names))
        assert.equal(sent.get(name), String(given[option]), `${option} is sent as ${name}`);
    });
  }
});
