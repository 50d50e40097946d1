import { defineParameters, option, toggle } from "../../framework/spec.ts";
import { choice, integerBetween, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { OUTPUT_FORMATS } from "../../runtime/output/format.ts";
import { MAX_WAIT_SECONDS } from "../../runtime/settings/settings.ts";

export const configParameters = defineParameters({
  options: {
    user: option("-u, --user", text, "Admin user name (for your reference; requests use the token)."),
    token: option("-t, --token", text, "The admin user's access token."),
    baseUrl: option(
      "-b, --base-url",
      text,
      "Where Synapse listens, e.g. http://localhost:8008 or https://example.org:8448.",
    ),
    protocol: option(
      "--protocol",
      choice(["http", "unix"]),
      "How to reach Synapse; only http(s) is supported so far.",
    ),
    adminPath: option("-p, --admin-path", text, "Path prefix of the Admin API (usually /_synapse/admin)."),
    matrixPath: option("-m, --matrix-path", text, "Path prefix of the Matrix APIs (usually /_matrix)."),
    timeout: option(
      "-w, --timeout",
      integerBetween(1, MAX_WAIT_SECONDS),
      "Seconds to wait for each answer (default 30).",
    ),
    output: option("-o, --output", choice(OUTPUT_FORMATS), "Default output format."),
    serverDiscovery: option(
      "-d, --server-discovery",
      choice(["well-known", "dns"]),
      "How to find the homeserver name when 'homeserver' is auto-retrieval: the server's " +
        ".well-known/matrix/server, or its DNS SRV record. (The admin token's own user ID is tried first.)",
    ),
    homeserver: option(
      "-n, --homeserver",
      text,
      "The homeserver name (the part after ':' in user IDs), or 'auto-retrieval' to discover it.",
    ),
    sslVerify: toggle(
      "-i, --ssl-verify",
      "--no-ssl-verify",
      "Verify TLS certificates (turn off only for self-signed test servers).",
    ),
  },
  args: {},
});

export const configCommand = defineCommand({
  name: "config",
  summary: "Set up or change synadm's configuration.",
  description:
    "Write synadm's configuration file. Without --batch every setting is asked for, with the current value " +
    "(or the option given here) as the default; the token is typed hidden. With --batch nothing is asked: the " +
    "options given here are merged into the current file, which must end up with a token and a base URL. The " +
    "file is written with mode 0600. Where the server delegates auth to MAS, the questions go on: the ID of " +
    "synadm's OAuth 2.0 client at MAS, and whether to log in now with a device code (synadm mas login), " +
    "which makes the token unneeded.",
  ...configParameters,
  examples: [
    ["synadm config", "Set up the configuration, answering questions"],
    [
      'synadm --batch config -u admin -t "$TOKEN" -b https://matrix.example.org',
      "The same without questions",
    ],
  ],
  load: () => import("./config-file.run.ts").then((m) => m.configure),
});
