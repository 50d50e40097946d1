/** A command line an admin would type, and what it does. */
import type { HelpExample } from "../framework/spec.ts";

const ROOM = "'!abc:example.org'";
const MXC = "mxc://example.org/AbCdEfGhIjKlMnOp";

/**
 * One or two examples per command, keyed by the command's path without
 * "synadm". Kept apart from the declarations so `--help` and the generated
 * docs show them without every command file carrying them; a unit test checks
 * that every command has one and that each parses.
 */
export const helpExamples: Readonly<Record<string, readonly HelpExample[]>> = {
  config: [
    ["synadm config", "Set up the configuration, answering questions"],
    [
      'synadm --batch config -u admin -t "$TOKEN" -b https://matrix.example.org',
      "The same without questions",
    ],
  ],
  raw: [
    ["synadm raw v1/server_version", "Any Admin API call, here the server's version"],
    [`synadm raw -m post v1/registration_tokens/new -d '{"uses_allowed": 1}'`, "A POST with a JSON body"],
  ],
  version: [["synadm version", "The server's Synapse version"]],
};

/** The examples of a command, by its path as help shows it (`["synadm", "user", "list"]`). */
export function examplesFor(path: readonly string[]): readonly HelpExample[] {
  return helpExamples[path.slice(1).join(" ")] ?? [];
}
