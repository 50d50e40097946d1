// Bundles the CLI into dist/cli and compiles the library to dist/lib with
// declarations, then derives the library's two other builds from it:
// dist/browser (the package's `browser` condition: dist/lib with the browser's
// default transport) and dist/cjs (one CommonJS bundle for `require`, with the
// declarations beside it under a `"type": "commonjs"` package.json).
//
// dist/cli is the CLI's own package, `synadm-cli` (the repository's package,
// `synadm`, is the library only, so that a library user installs no CLI): it
// holds the command `synadm` (a shell launcher, see src/cli/launcher.sh), its
// man page, and synadm.cjs (src/cli/loader.ts), which runs
// the bundle cli.cjs through V8's code cache. The bundle is one CommonJS file:
// code cache works only for scripts, and each command's code is still
// evaluated only when the command runs (esbuild turns import() into lazy
// module initialisers).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const out = (path) => new URL(`../dist/cli/${path}`, import.meta.url);
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20.19",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};

// In a CommonJS bundle esbuild leaves import() of Node's own modules as is,
// which a vm.Script cannot run; a module re-exporting one makes it a require.
const builtinsThroughRequire = {
  name: "builtins-through-require",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === "dynamic-import" ? { path: args.path, namespace: "builtin" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
      contents: `export * from "${args.path}"; export { default } from "${args.path}";`,
      loader: "js",
    }));
  },
};

await build({
  ...common,
  entryPoints: ["src/cli/bin.ts"],
  outfile: "dist/cli/cli.cjs",
  define: { SYNADM_VERSION: JSON.stringify(version) },
  plugins: [builtinsThroughRequire],
});

const bundleId = createHash("sha256")
  .update(readFileSync(out("cli.cjs")))
  .digest("hex")
  .slice(0, 16);
await build({
  ...common,
  entryPoints: ["src/cli/loader.ts"],
  outfile: "dist/cli/synadm.cjs",
  define: { SYNADM_BUNDLE_ID: JSON.stringify(bundleId) },
  banner: { js: "#!/usr/bin/env node" },
});

copyFileSync(new URL("../src/cli/launcher.sh", import.meta.url), out("synadm"));
chmodSync(out("synadm"), 0o755);
writeCliPackage();

execFileSync(new URL("../node_modules/.bin/tsc", import.meta.url).pathname, ["-p", "tsconfig.lib.json"], {
  stdio: "inherit",
});

const dist = (path) => new URL(`../dist/${path}`, import.meta.url).pathname;
cpSync(dist("lib"), dist("browser"), { recursive: true, filter: (path) => !path.endsWith(".d.ts") });
// Each src/api/X.browser.ts takes X.ts's place in the browser build, and is in no other.
for (const name of readdirSync(dist("lib/api")).filter((file) => file.endsWith(".browser.js"))) {
  const replaced = name.replace(/\.browser\.js$/, ".js");
  renameSync(dist(`browser/api/${name}`), dist(`browser/api/${replaced}`));
  for (const ext of [".js", ".d.ts"]) rmSync(dist(`lib/api/${name.replace(/\.js$/, ext)}`));
}
await build({
  entryPoints: ["src/index.ts"],
  outfile: dist("cjs/index.js"),
  bundle: true,
  format: "cjs",
  platform: "neutral",
  target: "es2022",
  packages: "external",
  logLevel: "warning",
});
cpSync(dist("lib"), dist("cjs"), { recursive: true, filter: (path) => !path.endsWith(".js") });
writeFileSync(dist("cjs/package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

/**
 * The CLI's package manifest: no dependencies, as the bundle holds all the
 * code it runs (one bundle is what makes its start fast, see src/cli/loader.ts).
 */
function writeCliPackage() {
  const library = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  mkdirSync(out("man"), { recursive: true });
  copyFileSync(new URL("../docs/synadm.1", import.meta.url), out("man/synadm.1"));
  copyFileSync(new URL("../README.md", import.meta.url), out("README.md"));
  const manifest = {
    name: "synadm-cli",
    version,
    description:
      "The synadm command: admin CLI for the Synapse Matrix homeserver, a drop-in successor to synadm",
    license: library.license,
    engines: library.engines,
    bin: { synadm: "synadm" },
    man: ["man/synadm.1"],
    files: ["synadm", "synadm.cjs", "cli.cjs", "man", "README.md"],
  };
  writeFileSync(out("package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}
