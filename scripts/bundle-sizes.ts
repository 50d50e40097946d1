// Sizes of browser bundles of the built library (minified, gzipped) for three
// consumers: one that only asks for the version, one using five resources, one
// using SynapseAdmin (every resource). `npx tsx scripts/bundle-sizes.ts [package dir]`
// prints them as the README's table; the runtimes test checks the budget.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const client = `const http = new HttpClient({ baseUrl: location.origin, accessToken: "token" });`;

/** The consumers measured: name, then the module's source. */
export const CONSUMERS: Record<string, string> = {
  "version.get() only": `import { HttpClient, VersionResource } from "synadm";
${client}
console.log(await new VersionResource(http).get());`,
  "five resources": `import { HttpClient, MediaResource, RegistrationTokensResource, RoomsResource, UsersResource, VersionResource } from "synadm";
${client}
console.log(await new VersionResource(http).get(), await new UsersResource(http).list(),
  await new RoomsResource(http).list(), await new MediaResource(http).listRoomMedia("!r:example.org"),
  await new RegistrationTokensResource(http).list());`,
  "everything (SynapseAdmin)": `import { SynapseAdmin } from "synadm";
const admin = new SynapseAdmin({ baseUrl: location.origin, accessToken: "token" });
console.log(await admin.version.get(), admin);`,
};

/**
 * Bundles each consumer for a browser against the package in `packageDir`
 * (its `browser` condition, its own valibot) and returns the sizes in bytes.
 */
export async function bundleSizes(
  packageDir: string,
  modulesDir: string = join(packageDir, "node_modules"),
): Promise<Record<string, { minified: number; gzip: number }>> {
  const work = mkdtempSync(join(tmpdir(), "synadm-bundle-"));
  try {
    mkdirSync(join(work, "node_modules"));
    symlinkSync(resolve(packageDir), join(work, "node_modules", "synadm"));
    symlinkSync(join(resolve(modulesDir), "valibot"), join(work, "node_modules", "valibot"));
    const sizes: Record<string, { minified: number; gzip: number }> = {};
    for (const [name, source] of Object.entries(CONSUMERS)) {
      const entry = join(work, "entry.mjs");
      writeFileSync(entry, source);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        target: "es2022",
        write: false,
        preserveSymlinks: true,
        logLevel: "silent",
      });
      const code = result.outputFiles[0]!.contents;
      sizes[name] = { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
    }
    return sizes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? new URL("..", import.meta.url).pathname;
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write("| browser bundle | minified | gzip |\n| --- | --- | --- |\n");
  for (const [name, size] of Object.entries(await bundleSizes(dir, join(dir, "node_modules")))) {
    process.stdout.write(`| ${name} | ${kb(size.minified)} | ${kb(size.gzip)} |\n`);
  }
}
