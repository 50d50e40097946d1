// The library as each of its runtimes gets it, from the packed package against
// the real server: Node 20 (this one) and 22, Bun and Deno import it, a
// CommonJS project requires it (and type-checks against it), and a page bundled
// for the browser runs in headless Chromium, calling the server across origins
// (Synapse answers CORS). Also the browser bundle sizes against their budget.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { build } from "esbuild";
import { bundleSizes } from "../../scripts/bundle-sizes.ts";
import { chromium, chromiumFlags, npmRuntimes } from "../support/runtimes.ts";
import { createUser, testServer } from "../support/server.ts";

const run = promisify(execFile);
const REPO = new URL("../..", import.meta.url).pathname;
const TSC = join(REPO, "node_modules", ".bin", "tsc");

let esmProject = "";
let cjsProject = "";
let user = "";

/** What every consumer does against the server, in the same words for import and require. */
const calls = `
  const server = { baseUrl: env.SYNAPSE_URL, accessToken: env.SYNAPSE_TOKEN };
  const admin = new lib.SynapseAdmin(server);
  const { server_version } = await admin.version.get();
  // One resource on its own, as a tree-shaken consumer uses it.
  const alone = await new lib.VersionResource(new lib.HttpClient(server)).get();
  const names = [];
  for await (const user of admin.users.list({ name: env.USER_NAME })) names.push(user.name);
  let missing = "";
  try {
    await admin.rooms.get("!nosuchroom:" + env.SERVER_NAME);
  } catch (error) {
    missing = error instanceof lib.NotFoundError && error instanceof lib.SynadmError ? "NotFoundError " + error.status : String(error);
  }
  return { server_version, alone: alone.server_version, names, missing };
`;

function inDir(dir: string, command: string, args: readonly string[], env: Record<string, string> = {}) {
  return run(command, args, {
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "", HOME: dir, npm_config_update_notifier: "false", ...env },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

function serverEnv(): Record<string, string> {
  const server = testServer();
  return {
    SYNAPSE_URL: server.baseUrl,
    SYNAPSE_TOKEN: server.token,
    SERVER_NAME: server.serverName,
    USER_NAME: user,
  };
}

function checkResult(stdout: string, runtime: string): void {
  const server = testServer();
  const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as {
    server_version: string;
    alone: string;
    names: string[];
    missing: string;
  };
  assert.match(result.server_version, /^\d+\.\d+\.\d+/, runtime);
  assert.equal(result.alone, result.server_version, runtime);
  assert.deepEqual(result.names, [`@${user}:${server.serverName}`], runtime);
  assert.equal(result.missing, "NotFoundError 404", runtime);
}

before(async () => {
  assert.ok(existsSync(join(REPO, "dist", "cjs", "index.js")), "dist/ is built (npm run build)");
  const packs = mkdtempSync(join(tmpdir(), "synadm-pack-"));
  // --ignore-scripts: pack the build under test; prepack would rebuild dist/ under the other tests' feet.
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packs], {
    cwd: REPO,
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const tarball = join(packs, filename);
  esmProject = mkdtempSync(join(tmpdir(), "synadm-esm-"));
  cjsProject = mkdtempSync(join(tmpdir(), "synadm-cjs-"));
  for (const [dir, type] of [
    [esmProject, "module"],
    [cjsProject, "commonjs"],
  ] as const) {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type }));
    await inDir(dir, "npm", ["install", "--no-audit", "--no-fund", tarball]);
  }
  writeFileSync(
    join(esmProject, "consumer.mjs"),
    `import * as lib from "synadm";
const env = process.env;
const result = await (async () => {${calls}})();
console.log(JSON.stringify(result));
`,
  );
  writeFileSync(
    join(cjsProject, "consumer.js"),
    `const lib = require("synadm");
const env = process.env;
(async () => {${calls}})().then((result) => console.log(JSON.stringify(result)), (error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
  );
  user = `rt${Date.now().toString(36)}`;
  await createUser(user, "runtime-password-1");
});

describe("the packed library on each runtime, against the real server", () => {
  it("Node 20 (this Node), by import", async () => {
    const { stdout } = await inDir(esmProject, process.execPath, ["consumer.mjs"], serverEnv());
    checkResult(stdout, "node 20");
  });

  it("Node 20, from a CommonJS project by require (and its types check as CommonJS)", async () => {
    const { stdout } = await inDir(cjsProject, process.execPath, ["consumer.js"], serverEnv());
    checkResult(stdout, "node 20 require");
    const resolved = await inDir(cjsProject, process.execPath, ["-p", 'require.resolve("synadm")']);
    assert.equal(
      resolved.stdout.trim(),
      join(cjsProject, "node_modules", "synadm", "dist", "cjs", "index.js"),
    );
    writeFileSync(
      join(cjsProject, "check.ts"),
      `import { NotFoundError, SynapseAdmin, type ServerVersion } from "synadm";
export async function version(): Promise<string> {
  const admin = new SynapseAdmin({ baseUrl: "https://matrix.example.org", accessToken: "syt_x" });
  const answer: ServerVersion = await admin.version.get();
  return answer.server_version + String(new NotFoundError(404, {}, { method: "GET", path: "/" }).status);
}
`,
    );
    writeFileSync(
      join(cjsProject, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "nodenext", strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ["check.ts"],
      }),
    );
    const checked = await inDir(cjsProject, TSC, ["-p", "."]).catch((error: { stdout: string }) => error);
    assert.equal(checked.stdout, "", "tsc reports nothing for the CommonJS consumer");
  });

  it("Node 22, by import and by require", async () => {
    const { node22 } = await npmRuntimes();
    checkResult((await inDir(esmProject, node22, ["consumer.mjs"], serverEnv())).stdout, "node 22");
    checkResult((await inDir(cjsProject, node22, ["consumer.js"], serverEnv())).stdout, "node 22 require");
  });

  it("Bun, by import and by require", async () => {
    const { bun } = await npmRuntimes();
    checkResult((await inDir(esmProject, bun, ["consumer.mjs"], serverEnv())).stdout, "bun");
    checkResult((await inDir(cjsProject, bun, ["consumer.js"], serverEnv())).stdout, "bun require");
  });

  it("Deno, by import", async () => {
    const { deno } = await npmRuntimes();
    const { stdout } = await inDir(esmProject, deno, ["run", "--allow-all", "consumer.mjs"], {
      ...serverEnv(),
      DENO_NO_UPDATE_CHECK: "1",
      DENO_DIR: join(esmProject, ".deno"),
    });
    checkResult(stdout, "deno");
  });
});

describe("the packed library in a browser", () => {
  let pageServer: ReturnType<typeof createServer> | undefined;
  let profile = "";
  after(() => {
    pageServer?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("a page bundled from it runs in headless Chromium and calls the server across origins (CORS)", async () => {
    const browser = await chromium();
    writeFileSync(
      join(esmProject, "page.mjs"),
      `import * as lib from "synadm";
const env = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const report = (body) => fetch("/result", { method: "POST", body: JSON.stringify(body) });
(async () => {${calls}})().then((result) => report({ result }), (error) => report({ error: String(error) + "\\n" + error.stack }));
`,
    );
    const bundled = await build({
      absWorkingDir: esmProject,
      entryPoints: ["page.mjs"],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(bundled.metafile.inputs);
    assert.ok(
      inputs.some((input) => input.includes("node_modules/synadm/dist/browser/")),
      "the bundle took the package's browser build",
    );
    const script = bundled.outputFiles[0]!.text;
    const outcome = new Promise<{ result?: unknown; error?: string }>((resolve) => {
      pageServer = createServer((req, res) => {
        if (req.method === "POST" && req.url === "/result") {
          let body = "";
          req.on("data", (chunk: Buffer) => {
            body += chunk.toString("utf8");
          });
          req.on("end", () => {
            res.end();
            resolve(JSON.parse(body) as { result?: unknown; error?: string });
          });
          return;
        }
        const page = req.url === "/page.js";
        res.setHeader("content-type", page ? "text/javascript" : "text/html");
        res.end(page ? script : '<!doctype html><script type="module" src="/page.js"></script>');
      });
    });
    await new Promise<void>((resolve) => pageServer!.listen(0, "127.0.0.1", resolve));
    const port = (pageServer!.address() as AddressInfo).port;
    // Another origin than the server's (another port): every call is a CORS request.
    const origin = `http://127.0.0.1:${port}`;
    assert.notEqual(new URL(testServer().baseUrl).origin, origin);
    profile = mkdtempSync(join(tmpdir(), "synadm-chromium-"));
    const url = `${origin}/#${encodeURIComponent(JSON.stringify(serverEnv()))}`;
    const child = spawn(browser, [...chromiumFlags(profile), url], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const exited = new Promise<never>((_resolve, reject) =>
      child.on("exit", (code) =>
        reject(new Error(`chromium exited (${code}) before the page reported:\n${stderr.slice(-2000)}`)),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no report from the page in 60 s:\n${stderr.slice(-2000)}`)),
        60_000,
      );
    });
    try {
      const report = await Promise.race([outcome, exited, timeout]);
      assert.equal(report.error, undefined, `the page failed: ${report.error}`);
      checkResult(JSON.stringify(report.result), "chromium");
    } finally {
      clearTimeout(timer);
      if (child.exitCode === null) {
        const gone = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await gone;
      }
    }
  });

  it("a browser bundle of only version.get() is at most 6 KB gzip, and grows with the resources used", async () => {
    const sizes = await bundleSizes(
      join(esmProject, "node_modules", "synadm"),
      join(esmProject, "node_modules"),
    );
    const versionOnly = sizes["version.get() only"]!.gzip;
    const five = sizes["five resources"]!.gzip;
    const everything = sizes["everything (SynapseAdmin)"]!.gzip;
    assert.ok(versionOnly <= 6 * 1024, `version.get() only: ${versionOnly} bytes gzip`);
    assert.ok(
      five > versionOnly + 1024,
      `five resources (${five}) carry more than the version alone (${versionOnly})`,
    );
    assert.ok(
      everything > five + 1024,
      `everything (${everything}) carries more than five resources (${five})`,
    );
  });
});
