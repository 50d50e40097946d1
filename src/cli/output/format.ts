/** An output format of the CLI, named as in the Python tool. */
export type OutputFormat = "yaml" | "json" | "minified" | "human" | "pprint";

/** Every output format, in the order the help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["yaml", "json", "minified", "human", "pprint"];

/** Reads an output format given by its full name or its first letter; undefined for anything else. */
export function parseOutputFormat(text: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((format) => text === format || text === format[0]);
}

/**
 * Formats a JSON value for printing, without a final newline. Each format's
 * code is loaded only when used, so that printing JSON never loads YAML.
 */
export async function formatOutput(value: unknown, format: OutputFormat): Promise<string> {
  switch (format) {
    case "json":
      return (await import("./json.ts")).formatJson(value);
    case "minified":
      return (await import("./json.ts")).formatMinified(value);
    case "pprint":
      return (await import("./pprint.ts")).formatPprint(value);
    case "human":
      return (await import("./human.ts")).formatHuman(value);
    case "yaml":
      return (await import("./yaml.ts")).formatYaml(value).then((text) => text.replace(/\n$/, ""));
  }
}
