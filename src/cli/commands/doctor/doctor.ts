import { defineParameters, optionWithDefault } from "../../framework/spec.ts";
import { integerBetween } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";

export const doctorParameters = defineParameters({
  options: {
    probeTimeout: optionWithDefault(
      "--probe-timeout",
      integerBetween(1, 300),
      "Seconds each check waits for its answer.",
      10,
    ),
    stuckAfter: optionWithDefault(
      "--stuck-after",
      integerBetween(1, 600),
      "Seconds a running background update may go without progress before it counts as stuck; " +
        "doctor waits this long once when an update runs.",
      5,
    ),
  },
  args: {},
});

export const doctorCommand = defineCommand({
  name: "doctor",
  summary: "Check configuration, server, token and admin API routing; say what to fix.",
  description:
    "Check, without changing anything, what an admin checks when something is wrong: the configuration " +
    "file (its mode, the profile, where the token comes from), whether the server answers and its TLS " +
    "certificate, the token (valid, a server admin), the server's version, delegated authentication, " +
    "whether each admin API area reaches a process that serves it (a worker or proxy route that sends " +
    "it elsewhere is named), stuck background updates, failing federation destinations, event reports " +
    "waiting and failed scheduled tasks. Each finding says what to do. The report is for reading unless " +
    "-o names a format (-o json for monitoring). Exit code: 0 when nothing is worse than info, 20 when " +
    "the worst finding is a warning, 21 when there is an error.",
  ...doctorParameters,
  examples: [
    ["synadm doctor", "Check everything, findings grouped by severity"],
    ["synadm -o json doctor", "The same as one JSON document, for monitoring"],
  ],
  load: () => import("./doctor.run.ts").then((m) => m.doctor),
});
