// The admin endpoints a Synapse serves, read from its Python source (the one
// in the test root): each servlet's `admin_patterns(...)` and `on_GET`/...
// handlers under synapse/rest/admin/, and which servlets the register_servlets
// functions register, under which conditions. A parser of just the forms that
// source uses, which fails loudly on a form it does not know, so that a new
// one is looked at rather than skipped.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** An HTTP method a servlet handles. */
export type ServletMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One method on one path of a registered admin servlet. */
export interface ServletEndpoint {
  readonly method: ServletMethod;
  /** As the docs write it: `/v1/users/<user_id>/admin`. */
  readonly path: string;
  readonly servlet: string;
  /** The file under synapse/rest/admin/. */
  readonly file: string;
  /** The conditions of its registration, as the source writes them (`not auth_delegated`); empty when always. */
  readonly conditions: readonly string[];
}

interface PythonClass {
  readonly name: string;
  readonly bases: readonly string[];
  readonly body: string;
  readonly file: string;
}

const METHODS: readonly ServletMethod[] = ["GET", "POST", "PUT", "DELETE"];

/** The admin endpoints of the Synapse whose package directory (`.../dist-packages/synapse`) is given. */
export function adminServletEndpoints(synapseDir: string): ServletEndpoint[] {
  const adminDir = join(synapseDir, "rest", "admin");
  const files = readdirSync(adminDir)
    .filter((name) => name.endsWith(".py"))
    .sort();
  const classes = new Map<string, PythonClass>();
  const registerFunctions = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(join(adminDir, file), "utf8");
    for (const block of topLevelBlocks(text)) {
      const cls = /^class (\w+)(?:\(([^)]*)\))?:/.exec(block);
      if (cls) {
        const bases = (cls[2] ?? "").split(",").map((base) => base.trim());
        classes.set(cls[1]!, { name: cls[1]!, bases, body: block, file });
      }
      const fn = /^def (register_servlets\w*)\(/.exec(block);
      if (fn) registerFunctions.set(fn[1]!, block);
    }
  }
  if (!registerFunctions.has("register_servlets"))
    throw new Error(`no register_servlets() in ${adminDir}/__init__.py`);

  const endpoints: ServletEndpoint[] = [];
  for (const { servlet, conditions } of registrations("register_servlets", registerFunctions, [])) {
    // Workers serve a few read-only servlets the main process serves too.
    if (conditions.some((condition) => condition.includes("worker_app is not None"))) continue;
    const cls = classes.get(servlet);
    if (!cls) throw new Error(`servlet ${servlet} is registered but its class is not in ${adminDir}`);
    for (const { method, path } of servletRoutes(cls, classes))
      endpoints.push({ method, path, servlet, file: cls.file, conditions });
  }
  return endpoints;
}

/** The text of each top-level statement block (class, def, ...), its indented lines with it. */
function topLevelBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    const startsBlock = /^[^\s#)\]]/.test(line);
    if (startsBlock && current.length > 0 && !/^@/.test(current.at(-1) ?? "")) {
      blocks.push(current.join("\n"));
      current = [];
    }
    current.push(line);
  }
  blocks.push(current.join("\n"));
  return blocks.map((block) => block.replace(/^(@.*\n)+/, ""));
}

interface Registration {
  readonly servlet: string;
  readonly conditions: readonly string[];
}

/**
 * The servlets a register function registers (`X(hs).register(http_server)`),
 * following calls to the other register functions, with the `if`/`else`
 * conditions around each. A `return` inside an `if` ends nothing here: the
 * worker branch is told apart by its condition.
 */
function registrations(
  name: string,
  functions: ReadonlyMap<string, string>,
  outer: readonly string[],
): Registration[] {
  const body = functions.get(name)!;
  const found: Registration[] = [];
  // Open `if` blocks: their indentation and condition.
  const stack: Array<{ indent: number; condition: string }> = [];
  for (const line of body.split("\n").slice(1)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    const statement = line.trim();
    const isElse = /^else\s*:/.test(statement);
    while (
      stack.length > 0 &&
      (stack.at(-1)!.indent > indent || (stack.at(-1)!.indent === indent && !isElse))
    )
      stack.pop();
    if (isElse) {
      const open = stack.pop();
      if (!open) throw new Error(`${name}: an else without its if: ${statement}`);
      stack.push({ indent, condition: `not (${open.condition})` });
      continue;
    }
    const branch = /^if (.+):$/.exec(statement);
    if (branch) {
      stack.push({ indent, condition: branch[1]!.trim() });
      continue;
    }
    const conditions = [...outer, ...stack.map((open) => open.condition)];
    const registered = /^(\w+)\(hs\)\.register\(http_server\)$/.exec(statement);
    if (registered) {
      found.push({ servlet: registered[1]!, conditions });
      continue;
    }
    const call = /^(register_servlets\w*)\(hs, http_server\)$/.exec(statement);
    if (call && functions.has(call[1]!)) {
      found.push(...registrations(call[1]!, functions, conditions));
      continue;
    }
    if (/register/.test(statement) && !/^"""|^auth_delegated =|^Register|^"""$/.test(statement))
      throw new Error(`${name}: a registration this parser does not read: ${statement}`);
  }
  return found;
}

/** The methods and paths of a servlet class: its patterns, each with its handlers (its own and inherited). */
function servletRoutes(
  cls: PythonClass,
  classes: ReadonlyMap<string, PythonClass>,
): Array<{ method: ServletMethod; path: string }> {
  const routes: Array<{ method: ServletMethod; path: string }> = [];
  const owner = patternOwner(cls, classes);
  const handlers = handlerMethods(cls, classes);
  for (const call of adminPatternCalls(owner.body)) {
    const paths = pathsOf(resolvePattern(call.argument, owner), call.version, owner.name);
    // `register_paths("PUT", admin_patterns(...), ...)` names its method; PATTERNS get every handler.
    const methods = call.method ? [call.method] : handlers;
    if (methods.length === 0) throw new Error(`${owner.name} has patterns but no on_GET/on_POST/...`);
    for (const path of paths) for (const method of methods) routes.push({ method, path });
  }
  if (routes.length === 0)
    throw new Error(`${cls.name} (${cls.file}) has no admin_patterns(...) this parser reads`);
  return routes;
}

// A subclass without its own PATTERNS serves its base's.
function patternOwner(cls: PythonClass, classes: ReadonlyMap<string, PythonClass>): PythonClass {
  if (/admin_patterns\(/.test(cls.body)) return cls;
  for (const base of cls.bases) {
    const parent = classes.get(base);
    if (parent) return patternOwner(parent, classes);
  }
  return cls;
}

function handlerMethods(cls: PythonClass, classes: ReadonlyMap<string, PythonClass>): ServletMethod[] {
  const own = METHODS.filter((method) =>
    new RegExp(`^    (?:async )?def on_${method}\\(`, "m").test(cls.body),
  );
  const inherited = cls.bases.flatMap((base) => {
    const parent = classes.get(base);
    return parent ? handlerMethods(parent, classes) : [];
  });
  return METHODS.filter((method) => own.includes(method) || inherited.includes(method));
}

interface PatternCall {
  /** The Python expression of the path regex. */
  readonly argument: string;
  readonly version: string;
  /** The method of a `register_paths("METHOD", admin_patterns(...))`. */
  readonly method?: ServletMethod;
}

function adminPatternCalls(body: string): PatternCall[] {
  const calls: PatternCall[] = [];
  const re = /admin_patterns\(/g;
  for (let match = re.exec(body); match; match = re.exec(body)) {
    const args = splitArguments(body, match.index + match[0].length);
    const argument = args[0]!;
    const version = args[1] === undefined ? "v1" : stringValue(args[1]);
    const before = body.slice(Math.max(0, match.index - 200), match.index);
    const registered = /register_paths\(\s*"(GET|POST|PUT|DELETE)",\s*$/.exec(before);
    calls.push({ argument, version, ...(registered ? { method: registered[1] as ServletMethod } : {}) });
  }
  return calls;
}

/** The top-level arguments of a call whose `(` ends just before `start`, each as text. */
function splitArguments(text: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const end = text.indexOf(char, i + 1);
      if (end < 0) throw new Error(`an unterminated string in ${text.slice(start, start + 80)}`);
      current += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (char === "(" || char === "[") depth++;
    if ((char === ")" || char === "]") && depth-- === 0) {
      if (current.trim() !== "") args.push(current.trim());
      return args;
    }
    if (char === "," && depth === 0) {
      args.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  throw new Error(`an unclosed call at ${text.slice(start, start + 80)}`);
}

function stringValue(expression: string): string {
  const literals = [...expression.matchAll(/r?"([^"]*)"|r?'([^']*)'/g)];
  const rest = expression.replace(/r?"[^"]*"|r?'[^']*'/g, "").trim();
  if (literals.length === 0 || rest !== "") throw new Error(`not a string literal: ${expression}`);
  return literals.map((literal) => literal[1] ?? literal[2]).join("");
}

/** A regex expression: string literals, and names assigned a string in the class, joined by `+`. */
function resolvePattern(expression: string, cls: PythonClass): string {
  // The `+`s between the parts, not those inside the strings (`[^/]+`).
  return (expression.match(/(?:r?"[^"]*"|r?'[^']*'|[^+"'])+/g) ?? [])
    .map((part) => part.trim())
    .map((part) => {
      if (/^\w+$/.test(part)) {
        const assigned = new RegExp(`^\\s+${part} = ("[^"]*"|'[^']*')\\s*$`, "m").exec(cls.body);
        if (!assigned) throw new Error(`${cls.name}: ${part} is not a string this parser finds`);
        return stringValue(assigned[1]!);
      }
      return stringValue(part);
    })
    .join("");
}

/**
 * The paths a regex matches, written as the docs write them: named groups
 * `<name>`, an optional group both with and without it.
 */
function pathsOf(regex: string, version: string, servlet: string): string[] {
  let paths = [regex.replace(/\$$/, "")];
  for (;;) {
    const optional = /\(((?:[^()]|\([^()]*\))*)\)\?/.exec(paths[0]!);
    if (!optional) break;
    paths = paths.flatMap((path) => {
      const at = /\(((?:[^()]|\([^()]*\))*)\)\?/.exec(path);
      if (!at) return [path];
      const before = path.slice(0, at.index);
      const after = path.slice(at.index + at[0].length);
      return [before + after, before + at[1] + after];
    });
  }
  return paths.map((path) => {
    const written = path.replace(/\(\?P<(\w+)>\[\^\/\][*+]\)/g, "<$1>");
    if (/[()[\]?*+\\|^$]/.test(written))
      throw new Error(`${servlet}: a pattern this parser cannot write as a path: ${regex}`);
    return `/${version}${written}`;
  });
}
