import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvLine, parseCsv } from "../../../src/cli/runtime/csv.ts";

describe("CSV", () => {
  it("quotes only where needed and reads back what it wrote, line breaks and quotes included", () => {
    const values = ["plain", 'say "hi"', "a,b", "two\nlines", "", null, 42, true];
    const line = csvLine(values);
    assert.equal(line, 'plain,"say ""hi""","a,b","two\nlines",,,42,true');
    const rows = parseCsv(`h1,h2\r\n${line}\n\nlast,row`);
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 5],
    );
    assert.deepEqual(rows[1]!.fields, ["plain", 'say "hi"', "a,b", "two\nlines", "", "", "42", "true"]);
    assert.throws(() => parseCsv('a,"open\n'), /never closed/);
  });
});
