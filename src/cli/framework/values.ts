import { UsageError } from "./errors.ts";

/** Turns one command-line word into a typed value, or throws a {@link UsageError}. */
export interface ValueParser<T> {
  /** Shown in help after the option name: `INTEGER`, `TEXT`, `[get|post]`. */
  readonly metavar: string;
  /** Allowed words, for help, completion and "did you mean". */
  readonly choices?: readonly string[];
  parse(word: string, name: string): T;
}

/** Any text. */
export const text: ValueParser<string> = { metavar: "TEXT", parse: (word) => word };

/** A file path; `-` means standard input where a command reads one. */
export const filePath: ValueParser<string> = { metavar: "PATH", parse: (word) => word };

/** A whole number (may be negative where the API gives negatives a meaning, like `-1` for "unlimited"). */
export const integer: ValueParser<number> = {
  metavar: "INTEGER",
  parse(word, name) {
    if (!/^[+-]?\d+$/.test(word.trim()))
      throw new UsageError(`invalid value for ${name}: "${word}" is not a whole number`);
    return Number(word);
  },
};

/** A whole number of at least `min`. */
export function integerAtLeast(min: number): ValueParser<number> {
  return {
    metavar: "INTEGER",
    parse(word, name) {
      const value = integer.parse(word, name);
      if (value < min)
        throw new UsageError(`invalid value for ${name}: ${value} is below the minimum ${min}`);
      return value;
    },
  };
}

/** A whole number from `min` to `max`, as for waits that Node's timers must hold. */
export function integerBetween(min: number, max: number): ValueParser<number> {
  const atLeast = integerAtLeast(min);
  return {
    metavar: "INTEGER",
    parse(word, name) {
      const value = atLeast.parse(word, name);
      if (value > max)
        throw new UsageError(`invalid value for ${name}: ${value} is above the maximum ${max}`);
      return value;
    },
  };
}

/**
 * One of fixed words. `aliases` maps extra accepted words (like synadm's
 * one-letter output formats) to the value they stand for.
 */
export function choice<const T extends string>(
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): ValueParser<T> {
  const shown = [...values, ...Object.keys(aliases)];
  return {
    metavar: `[${shown.join("|")}]`,
    choices: shown,
    parse(word, name) {
      if ((values as readonly string[]).includes(word)) return word as T;
      const alias = aliases[word];
      if (alias !== undefined) return alias;
      throw new UsageError(
        `invalid value for ${name}: "${word}" is not one of ${values.map((v) => `"${v}"`).join(", ")}`,
      );
    },
  };
}
