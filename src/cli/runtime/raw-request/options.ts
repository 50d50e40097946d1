import { flag, option, optionWithDefault } from "../../framework/spec.ts";
import { choice, filePath, text } from "../../framework/values.ts";

/** The options `raw` and `matrix raw` share. */
export const rawRequestOptions = {
  method: optionWithDefault(
    "-m, --method",
    choice(["get", "post", "put", "delete"]),
    "HTTP method.",
    "get" as const,
  ),
  data: option(
    "-d, --data",
    text,
    'JSON body for post, put and delete, e.g. \'{"key": "value"}\'.  [default: {}]',
  ),
  dataFile: option("-f, --data-file", filePath, 'Read the JSON body from a file; "-" reads standard input.', {
    metavar: "FILENAME",
  }),
  dryRun: flag("--dry-run", "Show the request that would be sent and send nothing."),
};

/** The help heading of the two ways to give a body. */
export const rawDataSection = { title: "Data [mutually exclusive]", options: ["data", "dataFile"] as const };
