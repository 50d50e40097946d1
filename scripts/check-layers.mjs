// The house's one-way doors. Fails when an import goes against the order
//   src/api  <-  cli/framework  <-  cli/runtime  <-  cli/commands  <-  composition root
// (each room may import the rooms to its left, never one to its right), when
// a command group reaches into another group, when anything but the
// composition root imports the command tree, or when any files import each
// other in a cycle, type-only imports included. The one sanctioned back-edge
// is a topic's implementation importing its own declaration's types
// (commands/<group>/<topic>.run.ts -> ./<topic>.ts), which the declaration's
// lazy loader points back at.
//
// Usage: node scripts/check-layers.mjs [root]   (root defaults to the project)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(process.argv[2] ?? new URL("..", import.meta.url).pathname);
const src = join(root, "src");
// Packages only the CLI may use; the library must stay free of them.
const cliOnlyPackages = ["yaml"];
const compositionRoot = new Set(["cli/main.ts", "cli/bin.ts", "cli/loader.ts"]);

function* sources(path) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* sources(join(path, name));
  } else if (path.endsWith(".ts")) {
    yield path;
  }
}

/** The room of a file (relative to src): api, framework, runtime, commands or root. */
function roomOf(file) {
  if (file === "index.ts" || file.startsWith("api/")) return "api";
  if (compositionRoot.has(file)) return "root";
  const [, room] = file.split("/");
  return ["framework", "runtime", "commands"].includes(room) ? room : "unplaced";
}
const order = ["api", "framework", "runtime", "commands", "root"];
// The framework is generic: it imports nothing of the application, not even the library.
const mayImport = (from, to) =>
  from === "framework" ? to === "framework" : order.indexOf(to) <= order.indexOf(from);

// Every import of a file: static, re-export, dynamic, type-only alike.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^"'`;]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

const files = [...sources(src)].map((path) => relative(src, path));
const edges = new Map(files.map((file) => [file, []]));
const problems = [];
for (const file of files) {
  if (roomOf(file) === "unplaced") problems.push(`${file} is in no room (framework, runtime, commands)`);
  const text = readFileSync(join(src, file), "utf8").replace(/\/\/.*$/gm, "");
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[2] ?? match[3];
    const typeOnly = Boolean(match[1]);
    if (!specifier.startsWith(".")) {
      if (roomOf(file) === "api" && cliOnlyPackages.includes(specifier))
        problems.push(`${file} imports ${specifier}, a package only the CLI may use`);
      continue;
    }
    const target = relative(src, resolve(dirname(join(src, file)), specifier));
    if (!edges.has(target)) continue;
    edges.get(file).push({ target, typeOnly });
    const [from, to] = [roomOf(file), roomOf(target)];
    if (from !== "unplaced" && !mayImport(from, to))
      problems.push(`${file} (${from}) imports ${target} (${to})`);
    if (from === "commands" && to === "commands") {
      const group = (path) => path.split("/").slice(0, 3).join("/");
      if (file !== "cli/commands/index.ts" && group(file) !== group(target))
        problems.push(`${file} imports ${target}, another command group's file`);
    }
    if (target === "cli/commands/index.ts" && from !== "root")
      problems.push(`${file} imports the command tree; only the composition root may`);
  }
}

const sanctioned = (file, { target, typeOnly }) =>
  typeOnly && file.endsWith(".run.ts") && target === file.replace(/\.run\.ts$/, ".ts");

// Tarjan's strongly connected components over every edge but the sanctioned ones.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
function connect(file) {
  index.set(file, counter);
  low.set(file, counter++);
  stack.push(file);
  onStack.add(file);
  for (const edge of edges.get(file)) {
    if (sanctioned(file, edge)) continue;
    if (!index.has(edge.target)) {
      connect(edge.target);
      low.set(file, Math.min(low.get(file), low.get(edge.target)));
    } else if (onStack.has(edge.target)) {
      low.set(file, Math.min(low.get(file), index.get(edge.target)));
    }
  }
  if (low.get(file) !== index.get(file)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== file);
  const selfImport = edges.get(file).some((edge) => edge.target === file);
  if (component.length > 1 || selfImport) problems.push(`import cycle: ${component.sort().join(" <-> ")}`);
}
for (const file of files) if (!index.has(file)) connect(file);

if (problems.length > 0) {
  console.error(`The layers are crossed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
