// The packages as a user gets them: `npm pack`, installed into a fresh
// project (the library, used through import and tsc) or globally into a fresh
// prefix (the CLI, `synadm-cli`, packed from dist/cli).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { createUser, testServer } from "../support/server.ts";

const run = promisify(execFile);
const REPO = new URL("../..", import.meta.url).pathname;
const TSC = join(REPO, "node_modules", ".bin", "tsc");
const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };

let project = "";
let installed = "";

/** Runs a command in the temporary project, with nothing of the developer's synadm setup. */
function inProject(command: string, args: readonly string[], env: Record<string, string> = {}) {
  return run(command, args, {
    cwd: project,
    env: { PATH: process.env["PATH"] ?? "", HOME: project, npm_config_update_notifier: "false", ...env },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Packs the package in `dir` as `npm publish` would; answers the tarball and the paths in it. */
async function pack(dir: string): Promise<{ tarball: string; paths: string[] }> {
  const packs = mkdtempSync(join(tmpdir(), "synadm-pack-"));
  // --ignore-scripts: pack the build under test; prepack would rebuild dist/ under the other tests' feet.
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packs, dir], {
    cwd: REPO,
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [{ filename, files }] = JSON.parse(packed.stdout) as [
    { filename: string; files: Array<{ path: string }> },
  ];
  return { tarball: join(packs, filename), paths: files.map((file) => file.path) };
}

before(async () => {
  assert.ok(existsSync(join(REPO, "dist", "lib", "index.js")), "dist/ is built (npm run build)");
  const { tarball, paths } = await pack(".");
  for (const needed of ["package.json", "README.md", "dist/lib/index.js", "dist/lib/index.d.ts"])
    assert.ok(paths.includes(needed), `the tarball has ${needed}`);
  assert.deepEqual(
    paths.filter((path) => /^(src|test|scripts|bench|examples|dist\/cli)\//.test(path)),
    [],
    "no CLI, sources or tests in the library's tarball",
  );

  project = mkdtempSync(join(tmpdir(), "synadm-consumer-"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }),
  );
  await inProject("npm", ["install", "--no-audit", "--no-fund", tarball]);
  installed = join(project, "node_modules", "synadm");
});

describe("the CLI's package, synadm-cli", () => {
  it("installs globally with one command, with no dependencies, its man page and the synadm command", async () => {
    const { tarball, paths } = await pack("./dist/cli");
    assert.deepEqual(paths.sort(), [
      "README.md",
      "cli.cjs",
      "man/synadm.1",
      "package.json",
      "synadm",
      "synadm.cjs",
    ]);
    const prefix = mkdtempSync(join(tmpdir(), "synadm-global-"));
    await run("npm", ["install", "--global", "--no-audit", "--no-fund", "--prefix", prefix, tarball], {
      env: { PATH: process.env["PATH"] ?? "", HOME: prefix, npm_config_update_notifier: "false" },
      timeout: 240_000,
    });
    const packageDir = join(prefix, "lib", "node_modules", "synadm-cli");
    assert.deepEqual(existsSync(join(packageDir, "node_modules")), false, "nothing else installed");
    assert.ok(existsSync(join(prefix, "share", "man", "man1", "synadm.1")), "the man page is installed");
    const env = { PATH: `${join(prefix, "bin")}:${process.env["PATH"] ?? ""}`, HOME: prefix };
    const { stdout } = await run("synadm", ["--version"], { env });
    assert.equal(stdout, `synadm, version ${version}\n`);
    const help = await run("synadm", ["--help"], { env });
    assert.match(help.stdout, /Usage: synadm/);
  });
});

describe("the library's package, synadm, in a fresh project", () => {
  it("installs only the library's one runtime dependency", () => {
    const modules = readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."));
    assert.deepEqual(modules.sort(), ["synadm", "valibot"]);
  });

  it("has no command: the CLI is its own package", () => {
    assert.equal(existsSync(join(project, "node_modules", ".bin", "synadm")), false);
    assert.equal(existsSync(join(installed, "dist", "cli")), false);
  });

  it("imports the library and calls the real server", async () => {
    const server = testServer();
    const name = `pkg${Date.now().toString(36)}`;
    await createUser(name, "pkg-password-1");
    writeFileSync(
      join(project, "use.mjs"),
      `import { SynapseAdmin, NotFoundError } from "synadm";
const admin = new SynapseAdmin({ baseUrl: process.env.SYNAPSE_URL, accessToken: process.env.SYNAPSE_TOKEN });
const { server_version } = await admin.version.get();
const names = [];
for await (const user of admin.users.list({ name: process.argv[2] })) names.push(user.name);
let missing = "";
try {
  await admin.rooms.get("!nosuchroom:" + process.env.SERVER_NAME);
} catch (error) {
  missing = error instanceof NotFoundError ? "NotFoundError" : String(error);
}
console.log(JSON.stringify({ server_version, names, missing, resolved: import.meta.resolve("synadm") }));
`,
    );
    const { stdout } = await inProject("node", ["use.mjs", name], {
      SYNAPSE_URL: server.baseUrl,
      SYNAPSE_TOKEN: server.token,
      SERVER_NAME: server.serverName,
    });
    const result = JSON.parse(stdout) as {
      server_version: string;
      names: string[];
      missing: string;
      resolved: string;
    };
    assert.match(result.server_version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(result.names, [`@${name}:${server.serverName}`]);
    assert.equal(result.missing, "NotFoundError");
    assert.equal(result.resolved, `file://${join(installed, "dist", "lib", "index.js")}`);
  });

  it("loads no CLI code: the import graph of dist/lib stays in dist/lib, with valibot as the only package and nothing of node:", () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\sfrom\s*["']([^"']+)["']/gm),
        ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
        ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ].map((match) => match[1]!);
      for (const specifier of specifiers) {
        if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
        else packages.add(specifier.startsWith("node:") ? "node:" : specifier);
      }
    };
    visit(join(installed, "dist", "lib", "index.js"));
    const outside = [...seen].filter((file) => !file.startsWith(join(installed, "dist", "lib") + "/"));
    assert.deepEqual(outside, [], "every module the library loads is under dist/lib");
    assert.ok(seen.size > 20, `followed ${seen.size} modules`);
    assert.deepEqual([...packages].sort(), ["valibot"]);
  });

  it("loads no CLI code at run time either, and does not export the CLI's files", async () => {
    writeFileSync(
      join(project, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.RESOLVE_LOG, result.url + "\\n");
  return result;
}
`,
    );
    writeFileSync(
      join(project, "register.mjs"),
      `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`,
    );
    writeFileSync(
      join(project, "import-only.mjs"),
      `import * as synadm from "synadm";
console.log(Object.keys(synadm).length);
try {
  await import("synadm/dist/cli/cli.cjs");
  console.log("cli exported");
} catch (error) {
  console.log(error.code);
}
`,
    );
    const log = join(project, "resolved.log");
    const { stdout } = await inProject("node", ["--import", "./register.mjs", "import-only.mjs"], {
      RESOLVE_LOG: log,
    });
    const [count, cli] = stdout.trim().split("\n");
    assert.ok(Number(count) > 50, `${count} exports`);
    assert.equal(cli, "ERR_PACKAGE_PATH_NOT_EXPORTED");
    const urls = readFileSync(log, "utf8").trim().split("\n");
    const files = urls.filter((url) => url.startsWith("file:")).map((url) => new URL(url).pathname);
    const fromPackage = files.filter((file) => file.startsWith(`${installed}/`));
    assert.ok(fromPackage.length > 20, "the package's modules were seen");
    assert.deepEqual(
      fromPackage.filter((file) => !relative(installed, file).startsWith("dist/lib/")),
      [],
      "nothing outside dist/lib was loaded",
    );
    assert.deepEqual(
      files.filter((file) => file.includes("/node_modules/") && !file.startsWith(`${installed}/`)),
      files.filter((file) => file.includes("/node_modules/valibot/")),
      "valibot is the only other package loaded",
    );
  });

  it("ships types that a strict TypeScript project checks against (node16 and bundler resolution)", async () => {
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(
      join(project, "src", "check.ts"),
      `import { type LongRunningJob, type RoomDeleteStatus, SynapseAdmin, type UserSummary, NotFoundError } from "synadm";

const admin = new SynapseAdmin({ baseUrl: "https://matrix.example.org", accessToken: "syt_x" });
export async function names(signal: AbortSignal): Promise<string[]> {
  const { server_version } = await admin.version.get({ signal });
  const found: string[] = [server_version];
  for await (const user of admin.users.list({ deactivated: true }, { signal })) {
    const summary: UserSummary = user;
    found.push(summary.name);
  }
  const job: LongRunningJob<RoomDeleteStatus> = await admin.rooms
    .delete("!r:example.org", { block: true })
    .started();
  const status: RoomDeleteStatus = await job.wait({ signal, onStatus: (s) => found.push(s.status) });
  found.push(status.status);
  try {
    await admin.users.get("@nobody:example.org");
  } catch (error) {
    if (error instanceof NotFoundError) found.push(String(error.status), error.errcode ?? "");
  }
  // @ts-expect-error: the types are real, so a method that does not exist is an error
  admin.users.noSuchMethod();
  return found;
}
`,
    );
    const base = {
      target: "es2022",
      lib: ["es2022"],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ["node"],
      typeRoots: [join(REPO, "node_modules", "@types")],
    };
    for (const [name, resolution] of [
      ["tsconfig.node16.json", { module: "node16", moduleResolution: "node16" }],
      ["tsconfig.bundler.json", { module: "preserve", moduleResolution: "bundler" }],
    ] as const) {
      writeFileSync(
        join(project, name),
        JSON.stringify({ compilerOptions: { ...base, ...resolution }, include: ["src"] }),
      );
      const result = await inProject(TSC, ["-p", name]).catch((error: { stdout: string }) => error);
      assert.equal(result.stdout, "", `tsc -p ${name} reports nothing`);
    }
  });
});
