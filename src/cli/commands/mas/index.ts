import { defineGroup } from "../../framework/spec.ts";
import { masDoctorCommand } from "./consistency.ts";
import {
  clientCommands,
  emailCommands,
  linkCommands,
  personalSessionCommands,
  policyCommands,
  providerCommands,
  tokenCommands,
} from "./resources.ts";
import { siteConfigCommand, versionCommand } from "./server.ts";
import { browserSessionCommands, compatSessionCommands, oauth2SessionCommands } from "./sessions.ts";
import {
  createCommand,
  deactivateCommand,
  listCommand,
  lockCommand,
  reactivateCommand,
  setAdminCommand,
  setPasswordCommand,
  showCommand,
  unlockCommand,
} from "./users.ts";

export const masGroup = defineGroup({
  name: "mas",
  summary: "Administer the Matrix Authentication Service (MAS) through its admin API.",
  description:
    "Administer the Matrix Authentication Service that a homeserver delegates auth to, through MAS's " +
    "admin API: at mas_url, else at the issuer the homeserver names, with mas_token (a token with the " +
    "scope urn:mas:admin) or what mas_token_command prints; SYNADM_MAS_URL, SYNADM_MAS_TOKEN and " +
    "SYNADM_MAS_TOKEN_COMMAND override them. Users are named by username, Matrix ID or MAS's ID.",
  commands: [
    defineGroup({
      name: "user",
      summary: "MAS users: list, show, create, lock, deactivate, admin right, password.",
      commands: [
        listCommand,
        showCommand,
        createCommand,
        lockCommand,
        unlockCommand,
        deactivateCommand,
        reactivateCommand,
        setAdminCommand,
        setPasswordCommand,
      ],
    }),
    defineGroup({ name: "email", summary: "Users' email addresses.", commands: emailCommands }),
    defineGroup({ name: "browser-session", summary: "Browser sessions.", commands: browserSessionCommands }),
    defineGroup({
      name: "compat-session",
      summary: "Compatibility sessions (logins through the legacy Matrix API).",
      commands: compatSessionCommands,
    }),
    defineGroup({ name: "oauth2-session", summary: "OAuth 2.0 sessions.", commands: oauth2SessionCommands }),
    defineGroup({ name: "oauth2-client", summary: "OAuth 2.0 clients.", commands: clientCommands }),
    defineGroup({
      name: "personal-session",
      summary: "Personal sessions (personal access tokens).",
      commands: personalSessionCommands,
    }),
    defineGroup({ name: "regtok", summary: "User registration tokens.", commands: tokenCommands }),
    defineGroup({
      name: "upstream-link",
      summary: "Links between users and upstream identity providers.",
      commands: linkCommands,
    }),
    defineGroup({
      name: "upstream-provider",
      summary: "Upstream identity providers.",
      commands: providerCommands,
    }),
    defineGroup({ name: "policy-data", summary: "The policy engine's data.", commands: policyCommands }),
    siteConfigCommand,
    versionCommand,
    masDoctorCommand,
  ],
});
