import { count, flag, type OptionValues, option } from "../../framework/spec.ts";
import { filePath, integerBetween, text, type ValueParser } from "../../framework/values.ts";
import { UsageError } from "../errors.ts";
import {
  OUTPUT_FORMAT_LETTERS,
  OUTPUT_FORMATS,
  type OutputFormat,
  parseOutputFormat,
} from "../output/format.ts";
import { MAX_RESPONSE_MIB, MAX_WAIT_SECONDS } from "../settings/settings.ts";

const outputFormat: ValueParser<OutputFormat | undefined> = {
  metavar: `[${[...OUTPUT_FORMATS, ...OUTPUT_FORMAT_LETTERS].join("|")}]`,
  choices: [...OUTPUT_FORMATS, ...OUTPUT_FORMAT_LETTERS],
  parse(word, name) {
    // synadm accepts an empty -o as "use the configured format".
    if (word === "") return undefined;
    const format = parseOutputFormat(word);
    if (!format)
      throw new UsageError(`invalid value for ${name}: "${word}" is not one of ${OUTPUT_FORMATS.join(", ")}`);
    return format;
  },
};

/** The options every command accepts, as synadm 0.49.2 spells them. */
export const globalOptions = {
  verbose: count("-v, --verbose", "Log to stderr: -v each request, -vv details and stack traces."),
  batch: flag(
    "--batch, --no-confirm, --yes, --non-interactive, --scripting",
    "Non-interactive mode: never prompt; commands that would ask for confirmation go ahead. Use with care.",
  ),
  output: option(
    "-o, --output",
    outputFormat,
    "Output format, overriding the configured one: 'yaml', 'json' (pretty), 'minified' (one-line JSON), " +
      "'human' (tables), 'pprint' (Python-style), or for lists one line per item: 'ndjson', 'csv', 'tsv'. " +
      "The first five also as one letter.",
  ),
  rawCells: flag(
    "--raw-cells",
    "In csv and tsv (and 'user export'), write every value exactly as the server sent it. By default a " +
      "text cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading ', and " +
      "control characters are written as visible escapes such as \\x1b.",
  ),
  timeout: option(
    "--timeout",
    integerBetween(1, MAX_WAIT_SECONDS),
    "Seconds to wait for each answer, overriding the configured timeout.",
    {
      metavar: "SECONDS",
    },
  ),
  maxWait: option(
    "--max-wait",
    integerBetween(0, MAX_WAIT_SECONDS),
    "Longest wait in seconds for the server's rate limit (Retry-After); when it asks for more, fail " +
      "instead of waiting. A single request waits at most its timeout.  [default: max_wait, 300]",
    { metavar: "SECONDS" },
  ),
  maxResponseMib: option(
    "--max-response-mib",
    integerBetween(1, MAX_RESPONSE_MIB),
    "Largest answer to read, in MiB; a larger one fails.  [default: max_response_mib, 64]",
    { metavar: "MIB" },
  ),
  configFile: option(
    "-c, --config-file",
    filePath,
    "Configuration file.  [default: $SYNADM_CONFIG or ~/.config/synadm.yaml]",
  ),
  // Long only: -p and -P are options of several commands, and global options may follow the command.
  profile: option(
    "--profile",
    text,
    "Use this profile of the configuration file (its keys override the top-level ones).  " +
      "[default: $SYNADM_PROFILE]",
    { metavar: "NAME" },
  ),
};

export type GlobalOptions = OptionValues<typeof globalOptions>;
