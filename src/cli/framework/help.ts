import { type CommandSpec, type GroupSpec, type HelpExample, namesOf, type OptionSpec } from "./spec.ts";

const WIDTH = 80;
const MAX_NAME_COLUMN = 30;

/** The help text of a group or command, in the layout Click users know. */
export function renderHelp(
  node: CommandSpec | GroupSpec,
  path: readonly string[],
  globalOptions: Readonly<Record<string, OptionSpec>>,
): string {
  const lines: string[] = [];
  const isRoot = path.length === 1;
  if (node.kind === "group") {
    lines.push(`Usage: ${path.join(" ")} [OPTIONS] COMMAND [ARGS]...`, "");
  } else {
    const args = Object.values(node.args).map((arg) =>
      arg.variadic ? `${arg.name}...` : arg.required ? arg.name : `[${arg.name}]`,
    );
    lines.push(`Usage: ${path.join(" ")} [OPTIONS]${args.length ? ` ${args.join(" ")}` : ""}`, "");
  }
  lines.push(...paragraphs(node.description ?? node.summary, 2), "");

  if (node.kind === "command") lines.push(...exampleLines(node.examples ?? []));

  const rows: Row[] = [];
  if (isRoot) rows.push(["--version", "Show the version and exit."]);
  const own = node.kind === "command" ? node.options : isRoot ? globalOptions : {};
  const sections = node.kind === "command" ? (node.rules?.sections ?? []) : [];
  const inSection = new Set(sections.flatMap((section) => section.options as readonly string[]));
  for (const [key, spec] of Object.entries(own))
    if (!inSection.has(key) && !spec.hidden) rows.push(optionRow(spec));
  rows.push(["-h, --help", "Show this message and exit."]);
  lines.push("Options:", ...table(rows, 2));
  for (const section of sections) {
    lines.push(`  ${section.title}:`);
    const sectionRows = section.options.map((key) => optionRow((own as Record<string, OptionSpec>)[key]!));
    lines.push(...table(sectionRows, 4));
  }

  if (node.kind === "group") {
    const commands: Row[] = [...node.commands]
      // Code-unit order: localeCompare would load ICU's collator, a cost every --help would pay.
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((command) => [command.name, command.summary]);
    lines.push("", "Commands:", ...table(commands, 2));
  }
  if (!isRoot) {
    lines.push("", "Global options (-v, --batch, -o, -c) may be given before or after the command.");
  }
  return `${lines.join("\n")}\n`;
}

type Row = [string, string];

/** The examples section: each command line with what it does below it. */
function exampleLines(explained: readonly HelpExample[]): string[] {
  if (explained.length === 0) return [];
  return [
    "Examples:",
    ...explained.flatMap(([commandLine, explanation]) => [`  ${commandLine}`, `      ${explanation}`]),
    "",
  ];
}

function optionRow(spec: OptionSpec): Row {
  let names = namesOf(spec.flags).join(", ");
  if (spec.kind === "flag" && spec.off) names += ` / ${namesOf(spec.off).join(", ")}`;
  if (spec.kind === "value") names += ` ${spec.metavar ?? spec.parser.metavar}`;
  if (spec.kind === "pair") names += ` ${spec.metavars.join(" ")}`;
  let help = spec.help;
  if (spec.kind === "value" && spec.default !== undefined) help += `  [default: ${String(spec.default)}]`;
  if (spec.kind === "value" && spec.multiple) help += "  (repeatable)";
  if (spec.kind === "value" && spec.env) help += `  [env: ${spec.env}]`;
  return [names, help];
}

function table(rows: readonly Row[], indent: number): string[] {
  const nameWidth = Math.min(MAX_NAME_COLUMN, Math.max(...rows.map(([name]) => name.length)));
  const helpColumn = indent + nameWidth + 2;
  const out: string[] = [];
  for (const [name, help] of rows) {
    const wrapped = wrap(help, WIDTH - helpColumn);
    if (name.length > nameWidth) {
      out.push(" ".repeat(indent) + name);
      out.push(...wrapped.map((line) => " ".repeat(helpColumn) + line));
      continue;
    }
    out.push(" ".repeat(indent) + name.padEnd(nameWidth + 2) + (wrapped[0] ?? ""));
    out.push(...wrapped.slice(1).map((line) => " ".repeat(helpColumn) + line));
  }
  return out.map((line) => line.trimEnd());
}

function paragraphs(text: string, indent: number): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph, index) => [
      ...(index > 0 ? [""] : []),
      ...wrap(paragraph.replace(/\s+/g, " ").trim(), WIDTH - indent).map((line) => " ".repeat(indent) + line),
    ]);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
