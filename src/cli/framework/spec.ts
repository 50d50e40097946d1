import type { ValueParser } from "./values.ts";

/**
 * Commands are declared as data (names, options, arguments, help) next to their
 * implementation, which is loaded only when the command runs. The parser,
 * the help and the completion all read the same declarations.
 */

/** A boolean switch, optionally with an "off" spelling (`-a, --admin` / `-u, --no-admin`). */
export interface FlagSpec<V extends boolean | undefined = boolean | undefined> {
  readonly kind: "flag";
  /** Click-style names: `"-a, --admin"`. */
  readonly flags: string;
  /** Names that set the flag to false. */
  readonly off?: string;
  readonly help: string;
  readonly default: V;
  readonly hidden?: boolean;
}

/** A repeatable switch counted (`-vv`). */
export interface CountSpec {
  readonly kind: "count";
  readonly flags: string;
  readonly help: string;
  readonly hidden?: boolean;
}

/** An option taking one value (`-l 10`), possibly repeated, possibly with a default. */
export interface ValueSpec<T = unknown, V = T | undefined> {
  readonly kind: "value";
  readonly flags: string;
  readonly parser: ValueParser<T>;
  readonly help: string;
  /** Shown in help; already parsed. */
  readonly default?: T;
  readonly multiple: boolean;
  /** Names an environment variable read when the option is not given (as `matrix raw -t` reads `MTOKEN`). */
  readonly env?: string;
  /** Overrides the parser's metavar in help. */
  readonly metavar?: string;
  readonly hidden?: boolean;
  /** Phantom: the type the implementation receives. */
  readonly _value?: V;
}

/** An option taking two values at once (`-t MEDIUM ADDRESS`), repeatable. */
export interface PairSpec<A = unknown, B = unknown> {
  readonly kind: "pair";
  readonly flags: string;
  readonly parsers: readonly [ValueParser<A>, ValueParser<B>];
  readonly metavars: readonly [string, string];
  readonly help: string;
  readonly hidden?: boolean;
}

export type OptionSpec = FlagSpec | CountSpec | ValueSpec | PairSpec;

/** A positional argument. */
export interface ArgumentSpec<T = unknown, V = T> {
  readonly name: string;
  readonly parser: ValueParser<T>;
  readonly required: boolean;
  /** Takes every remaining word (the last argument only). */
  readonly variadic?: boolean;
  readonly help?: string;
  readonly _value?: V;
}

/** The value an implementation receives for one option. */
export type OptionValue<S> =
  S extends FlagSpec<infer V>
    ? V
    : S extends CountSpec
      ? number
      : S extends ValueSpec<unknown, infer V>
        ? V
        : S extends PairSpec<infer A, infer B>
          ? Array<[A, B]>
          : never;

export type OptionValues<O extends Record<string, OptionSpec>> = {
  -readonly [K in keyof O]: OptionValue<O[K]>;
};
export type ArgumentValues<A extends Record<string, ArgumentSpec>> = {
  -readonly [K in keyof A]: A[K] extends ArgumentSpec<unknown, infer V> ? V : never;
};

/** Rules across options, checked after parsing and before anything runs. */
export interface OptionRules<K extends string = string> {
  /** At most one option of each group may be given. */
  readonly exclusive?: ReadonlyArray<readonly K[]>;
  /** At least one option of each group must be given. */
  readonly requireOne?: ReadonlyArray<readonly K[]>;
  /** Help headings for groups of options, as the reference shows them. */
  readonly sections?: ReadonlyArray<{ readonly title: string; readonly options: readonly K[] }>;
}

/** What a command implementation receives. */
export interface CommandInput<O extends Record<string, OptionSpec>, A extends Record<string, ArgumentSpec>> {
  readonly options: OptionValues<O>;
  readonly args: ArgumentValues<A>;
  /** Which options were given on the command line (not defaulted). */
  readonly given: ReadonlySet<keyof O & string>;
}

/**
 * A command's implementation: it gets the application's context (`Ctx`) and
 * its parsed input, and returns its result (`R`) for the application to show.
 */
export type CommandRun<
  O extends Record<string, OptionSpec>,
  A extends Record<string, ArgumentSpec>,
  Ctx = unknown,
  R = unknown,
> = (context: Ctx, input: CommandInput<O, A>) => Promise<R>;

/** Loads an implementation when its command runs: the function itself, or a module whose default export it is. */
export type CommandLoader<F> = () => Promise<F | { readonly default: F }>;

/** A command: its grammar, its help, and how to load its implementation. */
export interface CommandSpec<
  O extends Record<string, OptionSpec> = Record<string, OptionSpec>,
  A extends Record<string, ArgumentSpec> = Record<string, ArgumentSpec>,
  Ctx = unknown,
  R = unknown,
> {
  readonly kind: "command";
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One line, shown in the parent's command list. */
  readonly summary: string;
  /** Paragraphs shown in the command's own help. */
  readonly description?: string;
  readonly options: O;
  readonly args: A;
  readonly rules?: OptionRules<keyof O & string>;
  /** Command lines shown under "Examples" in the command's help, each with what it does. */
  readonly examples?: readonly HelpExample[];
  readonly load: CommandLoader<CommandRun<O, A, Ctx, R>>;
}

/** One example of a command's help: a command line and what it does. */
export type HelpExample = readonly [commandLine: string, explanation: string];

/** The implementation a loader gave, whichever of the two forms it took. */
export async function loadImplementation<F>(load: CommandLoader<F>): Promise<F> {
  const loaded = await load();
  return typeof loaded === "function" ? loaded : (loaded as { readonly default: F }).default;
}

/** A command of any parameters; the parser checks inputs against the declaration at run time. */
// biome-ignore lint/suspicious/noExplicitAny: implementations take their own exact input types.
export type AnyCommandSpec = CommandSpec<any, any, any, any>;

/** A group of commands (`user`, `room`, the root). */
export interface GroupSpec {
  readonly kind: "group";
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly commands: ReadonlyArray<AnyCommandSpec | GroupSpec>;
}

/** A command's options, arguments and rules, declared apart from the command so its implementation can be typed from them. */
export interface Parameters<O extends Record<string, OptionSpec>, A extends Record<string, ArgumentSpec>> {
  readonly options: O;
  readonly args: A;
  readonly rules?: OptionRules<keyof O & string>;
}

/** Declares a command's parameters with their exact types. */
export function defineParameters<
  const O extends Record<string, OptionSpec>,
  const A extends Record<string, ArgumentSpec>,
>(parameters: Parameters<O, A>): Parameters<O, A> {
  return parameters;
}

/** The implementation type of a command with parameters `P`, in an application with context `Ctx` and results `R`. */
export type RunFor<P, Ctx = unknown, R = unknown> =
  P extends Parameters<infer O, infer A> ? CommandRun<O, A, Ctx, R> : never;

/** Declares a command; the identity function that gives the declaration its types. */
export function defineCommand<
  const O extends Record<string, OptionSpec>,
  const A extends Record<string, ArgumentSpec>,
  Ctx = unknown,
  R = unknown,
>(spec: Omit<CommandSpec<O, A, Ctx, R>, "kind">): CommandSpec<O, A, Ctx, R> {
  return { kind: "command", ...spec };
}

/** Declares a group of commands. */
export function defineGroup(spec: Omit<GroupSpec, "kind">): GroupSpec {
  return { kind: "group", ...spec };
}

/** A boolean switch, false unless given. */
export function flag(
  flags: string,
  help: string,
  extra: { off?: string; hidden?: boolean } = {},
): FlagSpec<boolean> {
  return { kind: "flag", flags, help, default: false, ...extra };
}

/** A switch with an on and an off spelling that is `undefined` unless one is given. */
export function toggle(flags: string, off: string, help: string): FlagSpec<boolean | undefined> {
  return { kind: "flag", flags, off, help, default: undefined };
}

/** A switch with on and off spellings and a default. */
export function toggleWithDefault(
  flags: string,
  off: string,
  help: string,
  value: boolean,
): FlagSpec<boolean> {
  return { kind: "flag", flags, off, help, default: value };
}

/** A counted switch (`-v`, `-vv`). */
export function count(flags: string, help: string): CountSpec {
  return { kind: "count", flags, help };
}

/** An option with one value, `undefined` unless given. */
export function option<T>(
  flags: string,
  parser: ValueParser<T>,
  help: string,
  extra: { env?: string; metavar?: string; hidden?: boolean } = {},
): ValueSpec<T, T | undefined> {
  return { kind: "value", flags, parser, help, multiple: false, ...extra };
}

/** An option with one value and a default. */
export function optionWithDefault<T>(
  flags: string,
  parser: ValueParser<T>,
  help: string,
  value: T,
  extra: { metavar?: string; hidden?: boolean } = {},
): ValueSpec<T, T> {
  return { kind: "value", flags, parser, help, default: value, multiple: false, ...extra };
}

/** A repeatable option collecting every value given. */
export function repeatable<T>(flags: string, parser: ValueParser<T>, help: string): ValueSpec<T, T[]> {
  return { kind: "value", flags, parser, help, multiple: true };
}

/** A repeatable option taking two values each time. */
export function pair<A, B>(
  flags: string,
  parsers: readonly [ValueParser<A>, ValueParser<B>],
  metavars: readonly [string, string],
  help: string,
): PairSpec<A, B> {
  return { kind: "pair", flags, parsers, metavars, help };
}

/** A required positional argument. */
export function argument<T>(name: string, parser: ValueParser<T>, help?: string): ArgumentSpec<T, T> {
  return { name, parser, required: true, ...(help === undefined ? {} : { help }) };
}

/** An optional positional argument. */
export function optionalArgument<T>(
  name: string,
  parser: ValueParser<T>,
  help?: string,
): ArgumentSpec<T, T | undefined> {
  return { name, parser, required: false, ...(help === undefined ? {} : { help }) };
}

/** A last positional argument taking one or more words. */
export function variadicArgument<T>(
  name: string,
  parser: ValueParser<T>,
  help?: string,
): ArgumentSpec<T, T[]> {
  return { name, parser, required: true, variadic: true, ...(help === undefined ? {} : { help }) };
}

/** Splits `"-a, --admin"` into its names. */
export function namesOf(flags: string | undefined): string[] {
  return flags
    ? flags
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
    : [];
}
