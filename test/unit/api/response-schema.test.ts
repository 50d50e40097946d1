// Response schemas: the compiler ties each to its type (the @ts-expect-error
// lines are checked by `npm run check`), and at run time a missing or
// mistyped field fails naming the field and the endpoint while fields neither
// names pass through untouched.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { array, exactOptional, nullable, number, object, string } from "valibot";
import { InvalidResponseError } from "../../../src/api/errors.ts";
import { HttpClient } from "../../../src/api/http-client.ts";
import { UsersResource } from "../../../src/api/resources/users.ts";
import { responseSchema } from "../../../src/api/schema.ts";
import { FakeTransport } from "../../support/fake-transport.ts";
import { userDetails } from "../../support/fixtures.ts";

interface Thing {
  a: string;
  b: number | null;
  c?: string;
  list: Array<{ x: string; y?: number }>;
}
const list = array(object({ x: string(), y: exactOptional(number()) }));

export const exact = responseSchema<Thing>()(
  object({ a: string(), b: nullable(number()), c: exactOptional(string()), list }),
);
// @ts-expect-error: the schema leaves out a field the type has (c)
export const lacking = responseSchema<Thing>()(object({ a: string(), b: nullable(number()), list }));
export const stricter = responseSchema<Thing>()(
  // @ts-expect-error: the schema requires what the type says may be absent (c)
  object({ a: string(), b: nullable(number()), c: string(), list }),
);
export const noNull = responseSchema<Thing>()(
  // @ts-expect-error: the schema does not allow the null the type has (b)
  object({ a: string(), b: number(), c: exactOptional(string()), list }),
);
export const extra = responseSchema<Thing>()(
  // @ts-expect-error: the schema checks a field the type does not have (d)
  object({ a: string(), b: nullable(number()), c: exactOptional(string()), list, d: string() }),
);
export const nested = responseSchema<Thing>()(
  // @ts-expect-error: a field of the list's items differs (y left out)
  object({
    a: string(),
    b: nullable(number()),
    c: exactOptional(string()),
    list: array(object({ x: string() })),
  }),
);

describe("response schemas at run time", () => {
  const users = (...answers: unknown[]) =>
    new UsersResource(
      new HttpClient({
        baseUrl: "https://hs.example.org",
        accessToken: "t",
        transport: new FakeTransport(...answers.map((json) => ({ json }))),
      }),
    );

  it("a missing field is an InvalidResponseError naming the field and the endpoint", async () => {
    const { erased: _, ...withoutErased } = userDetails({ name: "@a:x" });
    await assert.rejects(users(withoutErased).get("@a:x"), (error: unknown) => {
      assert.ok(error instanceof InvalidResponseError);
      assert.match(error.message, /^GET \/_synapse\/admin\/v2\/users\/%40a%3Ax returned an invalid response/);
      assert.match(error.message, /field erased/);
      return true;
    });
  });

  it("a mistyped field nested in a list is one too, with its path", async () => {
    const details = userDetails({
      name: "@a:x",
      threepids: [{ medium: "email", address: 5 as unknown as string, validated_at: 0, added_at: 0 }],
    });
    await assert.rejects(users(details).get("@a:x"), /field threepids\.0\.address/);
  });

  it("fields the schema does not name pass through, in the server's order", async () => {
    const answer = { future_field: { nested: true }, ...userDetails({ name: "@a:x" }) };
    const got = await users(answer).get("@a:x");
    assert.deepEqual(Object.keys(got), Object.keys(answer));
    assert.deepEqual((got as unknown as Record<string, unknown>)["future_field"], { nested: true });
  });
});
