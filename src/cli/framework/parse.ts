import { UsageError } from "./errors.ts";
import { type CommandSpec, type GroupSpec, namesOf, type OptionSpec } from "./spec.ts";
import { didYouMean } from "./suggest.ts";

type Options = Readonly<Record<string, OptionSpec>>;
type Values = Record<string, unknown>;

/** What the command line asks for. */
export type ParsedCommandLine =
  | { readonly kind: "help"; readonly node: CommandSpec | GroupSpec; readonly path: readonly string[] }
  | { readonly kind: "version"; readonly globals: Values }
  | {
      readonly kind: "missing-command";
      readonly node: GroupSpec;
      readonly path: readonly string[];
      readonly globals: Values;
    }
  | {
      readonly kind: "run";
      readonly command: CommandSpec;
      readonly path: readonly string[];
      readonly globals: Values;
      readonly options: Values;
      readonly args: Values;
      readonly given: ReadonlySet<string>;
    };

interface Entry {
  readonly key: string;
  readonly spec: OptionSpec;
  /** For flags: the value this name sets. */
  readonly sets?: boolean;
}

/** Option names of one level, mapped to what they set. */
class OptionTable {
  readonly #entries = new Map<string, Entry>();

  constructor(options: Options) {
    for (const [key, spec] of Object.entries(options)) {
      for (const name of namesOf(spec.flags)) this.#entries.set(name, { key, spec, sets: true });
      if (spec.kind === "flag")
        for (const name of namesOf(spec.off)) this.#entries.set(name, { key, spec, sets: false });
    }
  }

  get(name: string): Entry | undefined {
    return this.#entries.get(name);
  }

  names(): IterableIterator<string> {
    return this.#entries.keys();
  }
}

/** Where parsed option values go, and which were given explicitly. */
class OptionState {
  readonly values: Values = {};
  readonly given = new Set<string>();
  readonly table: OptionTable;
  readonly options: Options;

  constructor(options: Options) {
    this.options = options;
    this.table = new OptionTable(options);
    for (const [key, spec] of Object.entries(options)) {
      if (spec.kind === "count") this.values[key] = 0;
      else if (spec.kind === "pair" || (spec.kind === "value" && spec.multiple)) this.values[key] = [];
    }
  }

  fillDefaults(env: Readonly<Record<string, string | undefined>>): void {
    for (const [key, spec] of Object.entries(this.options)) {
      if (this.given.has(key)) continue;
      if (spec.kind === "flag") this.values[key] = spec.default;
      if (spec.kind !== "value" || spec.multiple) continue;
      const fromEnv = spec.env === undefined ? undefined : env[spec.env];
      this.values[key] = fromEnv ? spec.parser.parse(fromEnv, `$${spec.env}`) : spec.default;
    }
  }
}

/**
 * Parses a command line with Click's grammar, so every synadm command line
 * means what it meant before: options before or between arguments, `--opt=value`,
 * `-ovalue`, clustered short switches (`-vv`), two-value options, `--` to end
 * options. Global options may also follow the command (an extension); a
 * command's own option of the same name wins there.
 */
export function parseCommandLine(
  root: GroupSpec,
  globalOptions: Options,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedCommandLine {
  const globals = new OptionState(globalOptions);
  let node: GroupSpec | CommandSpec = root;
  const path = [root.name];
  let local: OptionState | undefined;
  const positionals: string[] = [];
  let onlyPositionals = false;
  let i = 0;

  const next = (): string | undefined => argv[i++];
  const usage = (message: string): UsageError => new UsageError(message, path.join(" "));

  while (i < argv.length) {
    const word = next()!;
    if (!onlyPositionals && word === "--") {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && word.startsWith("-") && word !== "-") {
      if (word === "-h" || word === "--help") return { kind: "help", node, path };
      if (word === "--version" && !local) {
        globals.fillDefaults(env);
        return { kind: "version", globals: globals.values };
      }
      readOption(word, local ? [local, globals] : [globals], next, usage);
      continue;
    }
    if (node.kind === "group") {
      const group: GroupSpec = node;
      const child = group.commands.find(
        (c) => c.name === word || (c.kind === "command" && c.aliases?.includes(word)),
      );
      if (!child) {
        const names = group.commands.map((c) => c.name);
        throw usage(`no such command "${word}"${didYouMean(word, names)}`);
      }
      node = child as GroupSpec | CommandSpec;
      path.push(child.name);
      if (node.kind === "command") local = new OptionState(node.options);
      continue;
    }
    positionals.push(word);
  }

  globals.fillDefaults(env);
  if (node.kind === "group") return { kind: "missing-command", node, path, globals: globals.values };

  const command: CommandSpec = node;
  const state = local!;
  const args: Values = {};
  const argSpecs = Object.entries(command.args);
  for (const [key, spec] of argSpecs) {
    if (spec.variadic) {
      if (positionals.length === 0) throw usage(`missing argument ${spec.name}`);
      args[key] = positionals.splice(0).map((word) => spec.parser.parse(word, spec.name));
      continue;
    }
    const word = positionals.shift();
    if (word === undefined) {
      if (spec.required) throw usage(`missing argument ${spec.name}`);
      args[key] = undefined;
      continue;
    }
    args[key] = spec.parser.parse(word, spec.name);
  }
  if (positionals.length > 0) throw usage(`unexpected extra argument "${positionals[0]}"`);
  state.fillDefaults(env);
  checkRules(command, state, usage);
  return {
    kind: "run",
    command,
    path,
    globals: globals.values,
    options: state.values,
    args,
    given: state.given,
  };
}

function readOption(
  word: string,
  states: readonly OptionState[],
  next: () => string | undefined,
  usage: (message: string) => UsageError,
): void {
  const find = (name: string): { state: OptionState; entry: Entry } | undefined => {
    for (const state of states) {
      const entry = state.table.get(name);
      if (entry) return { state, entry };
    }
    return undefined;
  };
  const unknown = (name: string): UsageError =>
    usage(
      `no such option ${name}${didYouMean(
        name,
        states.flatMap((s) => [...s.table.names()]),
      )}`,
    );

  if (word.startsWith("--")) {
    const eq = word.indexOf("=");
    const name = eq < 0 ? word : word.slice(0, eq);
    const inline = eq < 0 ? undefined : word.slice(eq + 1);
    const found = find(name);
    if (!found) throw unknown(name);
    apply(found.state, found.entry, name, inline, next, usage);
    return;
  }
  // A cluster of short options: -vv, -abc, -l10, -o json.
  for (let j = 1; j < word.length; j++) {
    const name = `-${word[j]}`;
    const found = find(name);
    if (!found) throw unknown(name);
    const takesValue = found.entry.spec.kind === "value" || found.entry.spec.kind === "pair";
    const rest = word.slice(j + 1);
    if (takesValue) {
      apply(found.state, found.entry, name, rest === "" ? undefined : rest, next, usage);
      return;
    }
    apply(found.state, found.entry, name, undefined, next, usage);
  }
}

function apply(
  state: OptionState,
  entry: Entry,
  name: string,
  inline: string | undefined,
  next: () => string | undefined,
  usage: (message: string) => UsageError,
): void {
  const { key, spec } = entry;
  const take = (): string => {
    const value = next();
    if (value === undefined) throw usage(`option ${name} needs a value`);
    return value;
  };
  state.given.add(key);
  switch (spec.kind) {
    case "flag":
      if (inline !== undefined) throw usage(`option ${name} does not take a value`);
      state.values[key] = entry.sets;
      return;
    case "count":
      if (inline !== undefined) throw usage(`option ${name} does not take a value`);
      state.values[key] = (state.values[key] as number) + 1;
      return;
    case "value": {
      const value = spec.parser.parse(inline ?? take(), name);
      if (spec.multiple) (state.values[key] as unknown[]).push(value);
      else state.values[key] = value;
      return;
    }
    case "pair": {
      if (inline !== undefined)
        throw usage(`option ${name} takes two values: ${name} ${spec.metavars.join(" ")}`);
      const first = spec.parsers[0].parse(take(), name);
      const second = spec.parsers[1].parse(take(), name);
      (state.values[key] as unknown[]).push([first, second]);
      return;
    }
  }
}

function checkRules(command: CommandSpec, state: OptionState, usage: (message: string) => UsageError): void {
  const label = (key: string): string => namesOf(command.options[key]?.flags).at(-1) ?? key;
  for (const group of command.rules?.exclusive ?? []) {
    const given = group.filter((key) => state.given.has(key));
    if (given.length > 1) throw usage(`${given.map(label).join(" and ")} cannot be used together`);
  }
  for (const group of command.rules?.requireOne ?? []) {
    if (!group.some((key) => state.given.has(key)))
      throw usage(`give at least one of ${group.map(label).join(", ")}`);
  }
}
