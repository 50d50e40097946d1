import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { homeWithConfig, runCli } from "../support/cli.ts";
import { configYaml, runReference } from "../support/server.ts";

describe("version and output formats", () => {
  const home = homeWithConfig(configYaml());

  it("prints the server version as YAML by default", async () => {
    const result = await runCli(["version"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "server_version: 1.160.0\n");
    assert.equal(result.stderr, "");
  });

  it("prints the same JSON document as the reference synadm for version and raw", async () => {
    for (const args of [["version"], ["raw", "v1/server_version"]]) {
      const ours = await runCli(["-o", "json", ...args], { home });
      const reference = await runReference(["-o", "json", ...args]);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(reference.code, 0, reference.stderr);
      assert.equal(ours.stdout, reference.stdout);
    }
  });

  it("prints every one of the five formats, by name and by prefix", async () => {
    const expected: Record<string, string> = {
      json: '{\n    "server_version": "1.160.0"\n}\n',
      minified: '{"server_version":"1.160.0"}\n',
      yaml: "server_version: 1.160.0\n",
      human: "server_version  1.160.0\n",
      pprint: "{'server_version': '1.160.0'}\n",
    };
    for (const [format, output] of Object.entries(expected)) {
      for (const spelling of [format, format[0]!]) {
        const result = await runCli(["-o", spelling, "version"], { home });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, output, `-o ${spelling}`);
      }
    }
  });

  it("takes the default format from the configuration and global options after the command", async () => {
    const jsonHome = homeWithConfig(configYaml({ format: "minified" }));
    assert.equal((await runCli(["version"], { home: jsonHome })).stdout, '{"server_version":"1.160.0"}\n');
    assert.equal(
      (await runCli(["version", "-o", "json"], { home: jsonHome })).stdout,
      '{\n    "server_version": "1.160.0"\n}\n',
    );
  });
});
