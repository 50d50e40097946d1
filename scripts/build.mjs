// Bundles the CLI into dist/cli (one entry, one chunk per lazily loaded command)
// and compiles the library to dist/lib with declarations.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { synadm: "src/cli/bin.ts" },
  outdir: "dist/cli",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  minify: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  define: { SYNADM_VERSION: JSON.stringify(version) },
  // yaml's "node" entry is CommonJS, which a split ESM bundle only exposes as a
  // default export; its ESM build (published for browsers) is the same code.
  alias: { yaml: "./node_modules/yaml/browser/index.js" },
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});

execFileSync(new URL("../node_modules/.bin/tsc", import.meta.url).pathname, ["-p", "tsconfig.lib.json"], {
  stdio: "inherit",
});
