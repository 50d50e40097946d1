// The library's TSDoc: every export documented, every resource method naming
// its endpoint, and docs/api/ generated from the current sources.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  type ApiItem,
  docProblems,
  ENDPOINT,
  isResourceClass,
  readLibraryApi,
  renderMarkdown,
  stalePages,
} from "../../../scripts/api-docs.ts";

const DOCS = new URL("../../../docs/api", import.meta.url).pathname;
let items: ApiItem[] = [];

before(() => {
  items = readLibraryApi();
});

describe("TSDoc of the library", () => {
  it("reads every export of src/index.ts and every resource class", () => {
    assert.ok(items.length > 100, `${items.length} exports`);
    const resources = items.filter(isResourceClass);
    assert.ok(resources.length >= 18, `${resources.length} resource classes`);
    const methods = resources.flatMap((resource) => resource.members);
    assert.ok(methods.length > 90, `${methods.length} resource methods`);
    assert.ok(!methods.some((method) => method.name === "http"), "protected members are not public API");
  });

  it("documents every exported symbol", () => {
    const missing = docProblems(items).filter((problem) => problem.includes("has no TSDoc"));
    assert.deepEqual(missing, [], "add a /** ... */ comment to each");
  });

  it("names the HTTP endpoint in the TSDoc of every public resource method", () => {
    const unnamed = docProblems(items).filter((problem) => problem.includes("endpoint"));
    assert.deepEqual(unnamed, [], "write it as `GET /_synapse/admin/v2/users`, as the other methods do");
  });

  it("recognises the endpoint convention, and only it", () => {
    for (const doc of [
      "`GET /_synapse/admin/v2/users`",
      "x\n\n`DELETE /_synapse/admin/v1/media/<server_name>/<media_id>`\n@see https://...",
      "`PUT /_matrix/client/v3/directory/list/room/<room_id>`",
    ])
      assert.match(doc, ENDPOINT);
    for (const doc of ["GET v2/users", "`/_synapse/admin/v2/users`", "`GET users`", "Lists users."])
      assert.doesNotMatch(doc, ENDPOINT);
    const fake: ApiItem = {
      name: "FakeResource",
      kind: "class",
      signature: "class FakeResource extends Resource",
      doc: "A fake.",
      file: "api/resources/fake.ts",
      members: [
        { name: "a", kind: "member", signature: "a(): Promise<void>", doc: "", file: "", members: [] },
        { name: "b", kind: "member", signature: "b(): Promise<void>", doc: "Does b.", file: "", members: [] },
        { name: "c", kind: "member", signature: "readonly c: number", doc: "", file: "", members: [] },
      ],
    };
    assert.deepEqual(docProblems([fake, { ...fake, name: "Undocumented", doc: "", members: [] }]), [
      "api/resources/fake.ts: FakeResource.a has no TSDoc",
      "api/resources/fake.ts: the TSDoc of FakeResource.b does not name its endpoint",
      "api/resources/fake.ts: export Undocumented has no TSDoc",
    ]);
  });

  it("has docs/api/ generated from the current sources", () => {
    const stale = stalePages(DOCS, renderMarkdown(items));
    assert.deepEqual(stale, [], "docs/api/ is out of date: run npm run api-docs");
  });
});
