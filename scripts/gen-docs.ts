// Writes docs/synadm.1 (man page) and docs/commands.md (command reference)
// from the command definitions the parser reads, so they cannot drift from the
// CLI; test/unit/project/generated-docs.test.ts fails when the committed files are stale.
// Run: npm run docs
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { rootGroup } from "../src/cli/commands/index.ts";
import {
  type CommandSpec,
  type GroupSpec,
  type HelpExample,
  namesOf,
  type OptionSpec,
} from "../src/cli/framework/spec.ts";
import { globalOptions } from "../src/cli/runtime/options/global.ts";

type Options = Readonly<Record<string, OptionSpec>>;

/** One command with everything the docs say about it. */
interface DocCommand {
  readonly path: string;
  readonly spec: CommandSpec;
  readonly usage: string;
  readonly examples: readonly HelpExample[];
}

/** An option as documentation shows it. */
interface DocOption {
  readonly names: string;
  readonly value: string;
  readonly help: string;
  readonly notes: readonly string[];
}

export const DOC_FILES = { man: "docs/synadm.1", markdown: "docs/commands.md" } as const;

/** Both documents, as the files should hold them. */
export function renderDocs(): { man: string; markdown: string } {
  const commands = collect(rootGroup, [rootGroup.name]);
  return { man: manPage(commands), markdown: markdown(commands) };
}

function collect(group: GroupSpec, path: readonly string[]): DocCommand[] {
  return sortByName(group.commands).flatMap((child) => {
    const childPath = [...path, child.name];
    if (child.kind === "group") return collect(child, childPath);
    const command: CommandSpec = child;
    const args = Object.values(command.args).map((arg) =>
      arg.variadic ? `${arg.name}...` : arg.required ? arg.name : `[${arg.name}]`,
    );
    const examples = command.examples ?? [];
    return [
      {
        path: childPath.join(" "),
        spec: command,
        usage: [...childPath, "[OPTIONS]", ...args].join(" "),
        examples,
      },
    ];
  });
}

function sortByName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function docOptions(options: Options): DocOption[] {
  return Object.values(options)
    .filter((spec) => !spec.hidden)
    .map((spec) => {
      const on = namesOf(spec.flags).join(", ");
      const names = spec.kind === "flag" && spec.off ? `${on} / ${namesOf(spec.off).join(", ")}` : on;
      const value =
        spec.kind === "value"
          ? (spec.metavar ?? spec.parser.metavar)
          : spec.kind === "pair"
            ? spec.metavars.join(" ")
            : "";
      const notes: string[] = [];
      if (spec.kind === "value" && spec.default !== undefined) notes.push(`default: ${String(spec.default)}`);
      if (spec.kind === "flag" && spec.off && spec.default !== undefined)
        notes.push(`default: ${namesOf(spec.default ? spec.flags : spec.off).at(-1)}`);
      if (spec.kind === "value" && spec.multiple) notes.push("repeatable");
      if (spec.kind === "pair") notes.push("repeatable");
      if (spec.kind === "count") notes.push("repeatable");
      if (spec.kind === "value" && spec.env) notes.push(`environment: $${spec.env}`);
      return { names, value, help: spec.help, notes };
    });
}

const oneParagraph = (text: string): string => text.replace(/\s+/g, " ").trim();
const paragraphs = (text: string): string[] => text.split(/\n\s*\n/).map(oneParagraph);

// Markdown ---------------------------------------------------------------------------------------

const anchor = (path: string): string => path.replace(/ /g, "-");
const code = (text: string): string => (text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``);

function markdown(commands: readonly DocCommand[]): string {
  const out: string[] = [
    "# synadm command reference",
    "",
    "<!-- Generated from the command definitions by `npm run docs`; do not edit. -->",
    "",
    ...paragraphs(rootGroup.description ?? rootGroup.summary).flatMap((p) => [p, ""]),
    `Usage: ${code("synadm [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGS]...")}`,
    "",
    "## Global options",
    "",
    "Given before or after the command.",
    "",
    ...markdownOptions(globalOptions),
    `- ${code("--version")}: show the version and exit.`,
    `- ${code("-h, --help")}: show the help of any command and exit.`,
    "",
    "## Commands",
    "",
    ...commands.map((command) => `- [${command.path}](#${anchor(command.path)}): ${command.spec.summary}`),
    "",
  ];
  for (const command of commands) {
    const { spec } = command;
    out.push(
      `### ${command.path}`,
      "",
      ...paragraphs(spec.description ?? spec.summary).flatMap((p) => [p, ""]),
    );
    out.push(code(command.usage), "");
    if (spec.aliases?.length) out.push(`Aliases: ${spec.aliases.map(code).join(", ")}`, "");
    const args = Object.values(spec.args);
    if (args.length > 0) {
      out.push("Arguments:", "");
      for (const arg of args) {
        const kind = arg.variadic ? "one or more" : arg.required ? "required" : "optional";
        out.push(`- ${code(arg.name)} (${kind})${arg.help ? `: ${oneParagraph(arg.help)}` : ""}`);
      }
      out.push("");
    }
    const options = markdownOptions(spec.options);
    if (options.length > 0) out.push("Options:", "", ...options, "");
    for (const section of spec.rules?.exclusive ?? [])
      out.push(`Only one of ${section.map((key) => code(optionLabel(spec.options, key))).join(", ")}.`, "");
    for (const section of spec.rules?.requireOne ?? [])
      out.push(
        `At least one of ${section.map((key) => code(optionLabel(spec.options, key))).join(", ")}.`,
        "",
      );
    if (command.examples.length > 0) {
      out.push("Examples:", "", "```sh");
      command.examples.forEach(([line, explanation], index) => {
        if (index > 0) out.push("");
        if (explanation) out.push(`# ${explanation}`);
        out.push(line);
      });
      out.push("```", "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function markdownOptions(options: Options): string[] {
  return docOptions(options).map((option) => {
    const name = code(option.value ? `${option.names} ${option.value}` : option.names);
    const notes = option.notes.length > 0 ? ` (${option.notes.join("; ")})` : "";
    return `- ${name}: ${oneParagraph(option.help)}${notes}`;
  });
}

function optionLabel(options: Options, key: string): string {
  return namesOf(options[key]?.flags).at(-1) ?? key;
}

// Man page ---------------------------------------------------------------------------------------

/** Text safe in roff: backslashes and hyphens escaped, no line starting with a control character. */
function roff(text: string): string {
  return text
    .replace(/\\/g, "\\e")
    .replace(/-/g, "\\-")
    .split("\n")
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join("\n");
}

function manPage(commands: readonly DocCommand[]): string {
  const out: string[] = [
    '.\\" Generated from the command definitions by `npm run docs`; do not edit.',
    '.TH SYNADM 1 "" "synadm" "User Commands"',
    // Left-aligned and unhyphenated: long metavars and IDs would otherwise stretch lines or be split.
    ".ad l",
    ".nh",
    ".SH NAME",
    `synadm \\- ${roff(rootGroup.summary.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase()))}`,
    ".SH SYNOPSIS",
    ".B synadm",
    "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGS\\fR]...",
    ".SH DESCRIPTION",
    ...paragraphs(rootGroup.description ?? rootGroup.summary).flatMap((p, i) => [
      ...(i > 0 ? [".PP"] : []),
      roff(p),
    ]),
    ".PP",
    "Global options may be given before or after the command.",
    "Every command also takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR.",
    ".SH GLOBAL OPTIONS",
    ...manOptions(globalOptions),
    ".TP",
    "\\fB\\-\\-version\\fR",
    "Show the version and exit.",
    ".SH COMMANDS",
  ];
  for (const command of commands) {
    const { spec } = command;
    out.push(`.SS "${roff(command.path)}"`, `\\fB${roff(command.usage)}\\fR`, ".PP");
    out.push(
      ...paragraphs(spec.description ?? spec.summary).flatMap((p, i) => [...(i > 0 ? [".PP"] : []), roff(p)]),
    );
    if (spec.aliases?.length)
      out.push(".PP", `Aliases: ${spec.aliases.map((alias) => `\\fB${roff(alias)}\\fR`).join(", ")}.`);
    for (const arg of Object.values(spec.args)) {
      const kind = arg.variadic ? "one or more" : arg.required ? "required" : "optional";
      out.push(".TP", `\\fI${roff(arg.name)}\\fR (${kind})`, roff(oneParagraph(arg.help ?? "")) || "\\&");
    }
    out.push(...manOptions(spec.options));
    if (command.examples.length > 0) {
      out.push(".PP", "Examples:", ".RS", ".nf");
      for (const [line, explanation] of command.examples) {
        if (explanation) out.push(roff(`# ${explanation}`));
        out.push(roff(line));
      }
      out.push(".fi", ".RE");
    }
  }
  out.push(
    ".SH FILES",
    ".TP",
    "\\fI~/.config/synadm.yaml\\fR",
    "The configuration; \\fBsynadm config\\fR writes it, \\fB$SYNADM_CONFIG\\fR names another file.",
    ".SH SEE ALSO",
    "The command reference docs/commands.md, and the Synapse Admin API documentation.",
  );
  return `${out.join("\n")}\n`;
}

function manOptions(options: Options): string[] {
  return docOptions(options).flatMap((option) => {
    const names = option.names
      .split(" / ")
      .map((part) =>
        part
          .split(", ")
          .map((name) => `\\fB${roff(name)}\\fR`)
          .join(", "),
      )
      .join(" / ");
    // \: lets a long list of choices break after each "|".
    const value = option.value ? ` \\fI${roff(option.value).replaceAll("|", "|\\:")}\\fR` : "";
    const notes = option.notes.length > 0 ? ` [${option.notes.join("; ")}]` : "";
    return [".TP", `${names}${value}`, roff(oneParagraph(option.help) + notes)];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const docs = renderDocs();
  writeFileSync(new URL(`../${DOC_FILES.man}`, import.meta.url), docs.man);
  writeFileSync(new URL(`../${DOC_FILES.markdown}`, import.meta.url), docs.markdown);
  process.stdout.write(`Wrote ${DOC_FILES.man} and ${DOC_FILES.markdown}\n`);
}
