// Fails when the library (src/api, src/index.ts) imports the CLI (src/cli):
// the library must stay usable without any CLI code or CLI dependency.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const cli = join(root, "src", "cli");
const cliOnlyPackages = ["yaml"];

function* sources(path) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) yield* sources(join(path, name));
  } else if (path.endsWith(".ts")) {
    yield path;
  }
}

const problems = [];
for (const file of [join(root, "src", "index.ts"), ...sources(join(root, "src", "api"))]) {
  const text = readFileSync(file, "utf8");
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    const target = specifier.startsWith(".") ? resolve(dirname(file), specifier) : undefined;
    if (target?.startsWith(cli + "/") || cliOnlyPackages.includes(specifier)) {
      problems.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`The library must not depend on the CLI:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
