// Browser, compatibility and OAuth 2.0 sessions: listed, shown and finished alike.
import { argument, defineParameters, option } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { masPaging } from "./options.ts";

const session = argument("ID", text, "MAS's ID of the session.");

export const listParameters = defineParameters({
  options: {
    ...masPaging,
    user: option("-u, --user", text, "Only sessions of this user (username, Matrix ID or MAS ID)."),
    status: option(
      "-s, --status",
      choice(["active", "finished"] as const),
      "Only active, or only finished sessions.",
    ),
  },
  args: {},
});
export const showParameters = defineParameters({ options: {}, args: { session } });
export const finishParameters = defineParameters({ options: { dryRun }, args: { session } });

/** The kinds of session, by command name, each with its resource and how to say it. */
export type SessionKind = "browser-session" | "compat-session" | "oauth2-session";

const run = () => import("./sessions.run.ts");

function sessionCommands(kind: SessionKind, what: string, example: string) {
  return [
    defineCommand({
      name: "list",
      summary: `List ${what}.`,
      ...listParameters,
      examples: [[`synadm mas ${kind} list -u alice -s active`, `Alice's active ${what}`]],
      load: () => run().then((m) => m.listSessions(kind)),
    }),
    defineCommand({
      name: "show",
      summary: `Show one of the ${what}.`,
      ...showParameters,
      examples: [[`synadm mas ${kind} show ${example}`, "The session: its user, times, last IP"]],
      load: () => run().then((m) => m.showSession(kind)),
    }),
    defineCommand({
      name: "finish",
      summary: `End one of the ${what}.`,
      ...finishParameters,
      examples: [[`synadm mas ${kind} finish ${example}`, "End the session (asks first)"]],
      load: () => run().then((m) => m.finishSession(kind)),
    }),
  ] as const;
}

export const browserSessionCommands: ReturnType<typeof sessionCommands> = sessionCommands(
  "browser-session",
  "browser sessions",
  "01J2ZQ4RB6S0M4B3TQ2N6D7K8E",
);
export const compatSessionCommands: ReturnType<typeof sessionCommands> = sessionCommands(
  "compat-session",
  "compatibility sessions (legacy Matrix logins)",
  "01J2ZQ4RB6S0M4B3TQ2N6D7K8F",
);
export const oauth2SessionCommands: ReturnType<typeof sessionCommands> = sessionCommands(
  "oauth2-session",
  "OAuth 2.0 sessions",
  "01J2ZQ4RB6S0M4B3TQ2N6D7K8G",
);
