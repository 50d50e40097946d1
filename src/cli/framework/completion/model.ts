import type { CommandSpec, GroupSpec, OptionSpec } from "../spec.ts";
import { namesOf } from "../spec.ts";
import { filePath, type ValueParser } from "../values.ts";

/** What may be typed in one place: a file name, or one of fixed words. */
export type ValueSlot =
  | { readonly kind: "files" }
  | { readonly kind: "choices"; readonly words: readonly string[] };

/**
 * The command tree flattened into lookup tables, the form every shell script
 * embeds. A path is the command words as help shows them ("synadm",
 * "synadm user", "synadm user list"); keys are "PATH WORD", so the global
 * options live under the root path ("synadm -o").
 */
export interface CompletionModel {
  /** Group path → the words naming its subcommands, aliases included. */
  readonly subcommands: ReadonlyMap<string, readonly string[]>;
  /** "PATH WORD" → the path of the subcommand that word names. */
  readonly resolve: ReadonlyMap<string, string>;
  /** Path → the option names of that command or group (global options apart). */
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly globalOptions: readonly string[];
  /** "PATH OPTION" → how many words follow the option (0, 1 or 2). */
  readonly arity: ReadonlyMap<string, number>;
  /**
   * What to offer for "PATH OPTION" (its value), "PATH OPTION 2" (the second
   * value of a two-value option) and "PATH #N" (positional argument N, from 0).
   */
  readonly values: ReadonlyMap<string, ValueSlot>;
  /** Path → the index of its last argument when that one takes every remaining word. */
  readonly repeatFrom: ReadonlyMap<string, number>;
  /** "PATH WORD" → one line about a subcommand or option, for shells that show them. */
  readonly descriptions: ReadonlyMap<string, string>;
}

const ROOT_ONLY: Readonly<Record<string, string>> = { "--version": "Show the version and exit." };
const HELP: Readonly<Record<string, string>> = {
  "-h": "Show the help and exit.",
  "--help": "Show the help and exit.",
};
/** Words every shell can take unquoted in its tables; declarations never need more. */
const PLAIN_WORD = /^[A-Za-z0-9][A-Za-z0-9_.+=@%,-]*$/;
const DESCRIPTION_LENGTH = 72;

/** Flattens the command tree and the global options into the tables the scripts embed. */
export function buildCompletionModel(
  root: GroupSpec,
  globalOptions: Readonly<Record<string, OptionSpec>>,
): CompletionModel {
  const subcommands = new Map<string, string[]>();
  const resolve = new Map<string, string>();
  const options = new Map<string, string[]>();
  const arity = new Map<string, number>();
  const values = new Map<string, ValueSlot>();
  const descriptions = new Map<string, string>();
  const repeatFrom = new Map<string, number>();

  const addOptions = (path: string, specs: Readonly<Record<string, OptionSpec>>): string[] => {
    const names: string[] = [];
    for (const spec of Object.values(specs)) {
      if (spec.hidden) continue;
      const onNames = namesOf(spec.flags);
      const offNames = spec.kind === "flag" ? namesOf(spec.off) : [];
      const takes = spec.kind === "value" ? 1 : spec.kind === "pair" ? 2 : 0;
      for (const name of [...onNames, ...offNames]) {
        names.push(name);
        arity.set(`${path} ${name}`, onNames.includes(name) ? takes : 0);
        descriptions.set(`${path} ${name}`, oneLine(spec.help));
        if (spec.kind === "value") setSlot(values, `${path} ${name}`, spec.parser);
        if (spec.kind === "pair") {
          setSlot(values, `${path} ${name}`, spec.parsers[0]);
          setSlot(values, `${path} ${name} 2`, spec.parsers[1]);
        }
      }
    }
    return names;
  };
  const addFixed = (path: string, fixed: Readonly<Record<string, string>>): string[] => {
    for (const [name, help] of Object.entries(fixed)) {
      arity.set(`${path} ${name}`, 0);
      descriptions.set(`${path} ${name}`, help);
    }
    return Object.keys(fixed);
  };

  const visit = (node: GroupSpec | CommandSpec, path: string): void => {
    const own = node.kind === "command" ? addOptions(path, node.options) : [];
    options.set(path, [
      ...own,
      ...addFixed(path, HELP),
      ...(path === root.name ? addFixed(path, ROOT_ONLY) : []),
    ]);
    if (node.kind === "command") {
      Object.values(node.args).forEach((arg, index) => {
        setSlot(values, `${path} #${index}`, arg.parser);
        if (arg.variadic) repeatFrom.set(path, index);
      });
      return;
    }
    const words: string[] = [];
    for (const child of node.commands) {
      const childPath = `${path} ${child.name}`;
      const names = [child.name, ...(child.kind === "command" ? (child.aliases ?? []) : [])];
      for (const name of names) {
        words.push(name);
        resolve.set(`${path} ${name}`, childPath);
        descriptions.set(`${path} ${name}`, oneLine(child.summary));
      }
      visit(child, childPath);
    }
    subcommands.set(path, words);
  };

  const globalNames = addOptions(root.name, globalOptions);
  visit(root, root.name);
  return {
    subcommands,
    resolve,
    options,
    globalOptions: globalNames,
    arity,
    values,
    repeatFrom,
    descriptions,
  };
}

function setSlot(values: Map<string, ValueSlot>, key: string, parser: ValueParser<unknown>): void {
  if (parser === filePath) {
    values.set(key, { kind: "files" });
    return;
  }
  const words = parser.choices?.filter((word) => PLAIN_WORD.test(word)) ?? [];
  if (words.length > 0) values.set(key, { kind: "choices", words });
}

/** The first sentence of a help text, short enough for a completion menu. */
function oneLine(help: string): string {
  const text = help.replace(/\s+/g, " ").trim();
  const sentence = /^(.+?[.!?])(?: |$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= DESCRIPTION_LENGTH) return sentence.replace(/\.$/, "");
  const cut = sentence.slice(0, DESCRIPTION_LENGTH - 3);
  return `${cut.slice(0, cut.lastIndexOf(" "))}...`;
}
