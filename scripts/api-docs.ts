// The library's API reference in Markdown (docs/api/), read from the TSDoc of
// what src/index.ts exports. TypeDoc does not run on TypeScript 7, so this
// reads the program through TypeScript 7's own API (typescript/unstable/sync):
// the checker names the exports and members, the source gives their text.
//
//   npm run api-docs              writes docs/api/
//   npm run api-docs -- --check   fails when docs/api/ is not what the sources give
//   npm run api-docs -- --out DIR writes elsewhere
//
// Missing TSDoc is reported as a warning (and fails --check); test/unit/project/tsdoc-coverage.test.ts
// holds the same rules.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Node, SourceFile } from "typescript/unstable/ast";
import { SyntaxKind } from "typescript/unstable/ast";
import { API, SymbolFlags, type Symbol as TsSymbol } from "typescript/unstable/sync";

const ROOT = new URL("..", import.meta.url).pathname;

/** One documented thing: an export, or a member of an exported class or interface. */
export interface ApiItem {
  readonly name: string;
  readonly kind: "class" | "interface" | "function" | "type" | "const" | "member";
  /** The declaration as written, without body, initializer or `export`. */
  readonly signature: string;
  /** The TSDoc, `*` prefixes removed, tags included; empty when there is none. */
  readonly doc: string;
  /** The source file, relative to src/. */
  readonly file: string;
  readonly members: readonly ApiItem[];
}

/** Everything src/index.ts exports, in export order. */
export function readLibraryApi(root: string = ROOT): ApiItem[] {
  const api = new API({ cwd: root });
  try {
    const snapshot = api.updateSnapshot({ openProject: join(root, "tsconfig.lib.json") });
    const project = snapshot.getProjects()[0];
    if (!project) throw new Error("tsconfig.lib.json opened no project");
    const { checker, program } = project;
    const index = program.getSourceFile(join(root, "src", "index.ts"));
    const module = index && checker.getSymbolAtLocation(index);
    if (!module) throw new Error("src/index.ts is not in tsconfig.lib.json's program");
    const items: ApiItem[] = [];
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const item = describeSymbol(symbol, exported.name, root, true);
      if (item) items.push(item);
    }
    return items;
  } finally {
    api.close();
  }
}

function describeSymbol(
  symbol: TsSymbol,
  name: string,
  root: string,
  exported: boolean,
): ApiItem | undefined {
  const node = symbol.declarations.map((handle) => handle.resolve()).find((found) => found !== undefined);
  if (!node) return undefined;
  const source = node.getSourceFile();
  const kind = exported ? kindOf(node.kind) : "member";
  const members: ApiItem[] = [];
  if (kind === "class" || kind === "interface") {
    for (const [memberName, member] of symbol.getMembers()) {
      const declaration = member.declarations[0]?.resolve();
      if (!declaration || !isPublic(declaration)) continue;
      const described = describeSymbol(member, String(memberName), root, false);
      if (described) members.push(described);
    }
  }
  return {
    name,
    kind,
    signature: signatureOf(node, source, kind),
    doc: docOf(node, source),
    file: relative(join(root, "src"), source.fileName),
    members,
  };
}

function kindOf(kind: SyntaxKind): ApiItem["kind"] {
  switch (kind) {
    case SyntaxKind.ClassDeclaration:
      return "class";
    case SyntaxKind.InterfaceDeclaration:
      return "interface";
    case SyntaxKind.FunctionDeclaration:
      return "function";
    case SyntaxKind.TypeAliasDeclaration:
      return "type";
    default:
      return "const";
  }
}

/** Not `private`, `protected` or `#private`, and not the index signature's internal name. */
function isPublic(node: Node): boolean {
  const modifiers = (node as { modifiers?: Iterable<Node> }).modifiers ?? [];
  for (const modifier of modifiers)
    if (modifier.kind === SyntaxKind.PrivateKeyword || modifier.kind === SyntaxKind.ProtectedKeyword)
      return false;
  const name = (node as { name?: Node }).name;
  return name?.kind !== SyntaxKind.PrivateIdentifier;
}

const LEADING_TRIVIA = /^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*/;

/** Where the node's own text starts, after comments and whitespace. */
function startOf(node: Node, source: SourceFile): number {
  const text = source.text.slice(node.pos, node.end);
  return node.pos + (LEADING_TRIVIA.exec(text)?.[0].length ?? 0);
}

/** The declaration's text without its body, initializer, members or `export`. */
function signatureOf(node: Node, source: SourceFile, kind: ApiItem["kind"]): string {
  const start = startOf(node, source);
  const parts = node as { body?: Node; initializer?: Node; type?: Node; name?: Node };
  let end = node.end;
  if (kind === "class" || kind === "interface") end = source.text.indexOf("{", start);
  else if (parts.body) end = parts.body.pos;
  // A constant without a written type (`as const` lists) shows its value, which is its type.
  else if (
    parts.initializer &&
    kind !== "type" &&
    (parts.type || parts.initializer.end - parts.initializer.pos > 400)
  )
    end = parts.initializer.pos;
  let text = source.text
    .slice(start, end)
    .trim()
    .replace(/\s*=\s*$/, "")
    .replace(/;$/, "");
  text = text.replace(/^export\s+(?:declare\s+)?/, "");
  if (kind === "const" && !/^(?:const|let|var)\b/.test(text)) text = `const ${text}`;
  if (kind === "type") return text.replace(/\n\s*/g, "\n  ");
  // One line, as a reader scans it: the formatter's line breaks and trailing commas go.
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/([([{<]) /g, (_, open) => (open === "{" ? "{ " : open))
    .replace(/,\s*([)\]>])/g, "$1");
}

/** The TSDoc comment right before the declaration (for a variable, before its statement). */
function docOf(node: Node, source: SourceFile): string {
  let holder: Node = node;
  // A `const` is declared inside a list inside a statement; the comment is the statement's.
  while (holder.parent && holder.kind !== SyntaxKind.VariableStatement && holder.kind === node.kind) {
    if (node.kind !== SyntaxKind.VariableDeclaration) break;
    holder = holder.parent.parent ?? holder;
  }
  const trivia = source.text.slice(holder.pos, startOf(holder, source));
  const comments = [...trivia.matchAll(/\/\*\*([\s\S]*?)\*\//g)];
  const last = comments.at(-1)?.[1];
  if (last === undefined) return "";
  return last
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .join("\n")
    .trim();
}

/** Problems with the TSDoc: exports without it, resource methods whose TSDoc does not name the endpoint. */
export function docProblems(items: readonly ApiItem[]): string[] {
  const problems: string[] = [];
  for (const item of items) {
    if (!item.doc) problems.push(`${item.file}: export ${item.name} has no TSDoc`);
    if (!isResourceClass(item)) continue;
    for (const member of item.members) {
      if (!/^(?:async\s+)?[\w$]+\s*[<(]/.test(member.signature)) continue;
      if (!member.doc) problems.push(`${item.file}: ${item.name}.${member.name} has no TSDoc`);
      else if (!ENDPOINT.test(member.doc))
        problems.push(`${item.file}: the TSDoc of ${item.name}.${member.name} does not name its endpoint`);
    }
  }
  return problems;
}

/** A resource class: one of src/api/resources/, whose public methods each call one endpoint. */
export function isResourceClass(item: ApiItem): boolean {
  return item.kind === "class" && item.file.startsWith("api/resources/");
}

/**
 * An endpoint as the resources' TSDoc writes it: `` `GET /_synapse/admin/v2/users` ``, or one
 * of MAS's admin API: `` `GET /api/admin/v1/users` ``.
 */
export const ENDPOINT: RegExp =
  /`(?:GET|POST|PUT|DELETE|PATCH)(?:\/(?:GET|POST|PUT|DELETE|PATCH))* \/(?:_(?:synapse|matrix)|api\/admin)\/[^`]+`/;

/** The Markdown pages: an index, then one page per source module. */
export function renderMarkdown(items: readonly ApiItem[]): Map<string, string> {
  const byFile = new Map<string, ApiItem[]>();
  for (const item of items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  const pageOf = (file: string): string => `${file.replace(/^api\//, "").replace(/\.ts$/, "")}.md`;
  const pages = new Map<string, string>();
  const index = [
    "# synadm library API",
    "",
    "Generated by `npm run api-docs` from the TSDoc of what `src/index.ts` exports; do not edit.",
    'Everything below is imported from the package root: `import { SynapseAdmin } from "synadm"`.',
    "",
  ];
  for (const [file, inFile] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const page = pageOf(file);
    index.push(`## [${page.replace(/\.md$/, "")}](${page})`, "");
    for (const item of inFile)
      index.push(`- [\`${item.name}\`](${page}#${anchor(item.name)}) — ${summary(item.doc)}`);
    index.push("");
    const lines = [`# ${page.replace(/\.md$/, "")}`, "", `Source: \`src/${file}\``, ""];
    for (const item of inFile) lines.push(...renderItem(item, "##"));
    pages.set(page, `${lines.join("\n").trimEnd()}\n`);
  }
  pages.set("README.md", `${index.join("\n").trimEnd()}\n`);
  return pages;
}

function renderItem(item: ApiItem, heading: string): string[] {
  const lines = [`${heading} ${item.name}`, "", "```ts", item.signature, "```", ""];
  if (item.doc) lines.push(renderDoc(item.doc), "");
  for (const member of item.members) {
    lines.push(`- \`${member.signature}\``);
    if (member.doc)
      lines.push(
        ...renderDoc(member.doc)
          .split("\n")
          .map((line) => (line ? `  ${line}` : "")),
      );
  }
  if (item.members.length > 0) lines.push("");
  return lines;
}

/** TSDoc to Markdown: `@see` becomes a link line, `@example` a code block, `{@link X}` code. */
function renderDoc(doc: string): string {
  const [text = "", ...tags] = doc.split(/\n(?=@)/);
  const out = [
    text
      .trim()
      .replace(
        /\{@link\s+([^}\s|]+)(?:\s*\|?\s*([^}]*))?\}/g,
        (_, target, label) => `\`${label || target}\``,
      ),
  ];
  for (const tag of tags) {
    const [, name, body = ""] = /^@(\w+)\s*([\s\S]*)$/.exec(tag) ?? [];
    if (name === "example") out.push("", "```ts", body.trim(), "```");
    else if (name === "see")
      out.push("", `See ${/^https?:/.test(body.trim()) ? `<${body.trim()}>` : body.trim()}`);
    else out.push("", `**@${name}** ${body.trim()}`);
  }
  return out.join("\n").trim();
}

function summary(doc: string): string {
  const text = doc.split(/\n(?=@)/)[0] ?? "";
  const first = text.split(/\n\n/)[0]!.replace(/\s*\n\s*/g, " ");
  return first.replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, "`$1`") || "(undocumented)";
}

function anchor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_ -]/g, "")
    .replace(/ /g, "-");
}

/** The Markdown files of a directory, by path relative to it. */
function readPages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  if (!existsSync(dir)) return pages;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) pages.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return pages;
}

/** Which pages differ between what is on disk and what the sources give. */
export function stalePages(dir: string, wanted: ReadonlyMap<string, string>): string[] {
  const existing = readPages(dir);
  const names = new Set([...existing.keys(), ...wanted.keys()]);
  return [...names].filter((name) => existing.get(name) !== wanted.get(name)).sort();
}

function main(args: readonly string[]): number {
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 ? args[outIndex + 1] : join(ROOT, "docs", "api");
  if (!out) throw new Error("--out needs a directory");
  const items = readLibraryApi();
  const problems = docProblems(items);
  for (const problem of problems) process.stderr.write(`warning: ${problem}\n`);
  const pages = renderMarkdown(items);
  if (args.includes("--check")) {
    const stale = stalePages(out, pages);
    for (const page of stale)
      process.stderr.write(`${join(out, page)} is out of date; run: npm run api-docs\n`);
    return stale.length > 0 || problems.length > 0 ? 1 : 0;
  }
  rmSync(out, { recursive: true, force: true });
  for (const [page, text] of pages) {
    mkdirSync(dirname(join(out, page)), { recursive: true });
    writeFileSync(join(out, page), text);
  }
  process.stderr.write(`${pages.size} pages, ${items.length} exports written to ${out}\n`);
  return 0;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
