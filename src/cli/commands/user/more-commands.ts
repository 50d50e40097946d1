// Commands for the User Admin API endpoints synadm 0.49.2 has no command for.
import {
  type AnyCommandSpec,
  argument,
  defineGroup,
  defineParameters,
  flag,
  type GroupSpec,
  option,
  optionWithDefault,
  toggle,
  variadicArgument,
} from "../../framework/spec.ts";
import { filePath, integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";

const userId = argument("USER_ID", text, "A user ID (@alice:example.org) or a bare localpart (alice).");
const more = () => import("./more.ts");

export const userOnlyParameters = defineParameters({ options: {}, args: { userId } });
export const deviceParameters = defineParameters({
  options: {},
  args: { userId, deviceId: argument("DEVICE_ID", text) },
});
export const renameDeviceParameters = defineParameters({
  options: {},
  args: { userId, deviceId: argument("DEVICE_ID", text), name: argument("NAME", text) },
});
export const deleteDevicesParameters = defineParameters({
  options: { dryRun },
  args: { userId, deviceIds: variadicArgument("DEVICE_ID", text) },
});
export const setRateLimitParameters = defineParameters({
  options: {
    dryRun,
    messagesPerSecond: optionWithDefault(
      "--messages-per-second",
      integerAtLeast(0),
      "Messages per second; 0 means unlimited.",
      0,
    ),
    burstCount: optionWithDefault("--burst-count", integerAtLeast(0), "Burst size; 0 means unlimited.", 0),
  },
  args: { userId },
});
export const changeWithConfirmParameters = defineParameters({ options: { dryRun }, args: { userId } });
export const sinceParameters = defineParameters({
  options: {
    since: optionWithDefault(
      "--since",
      text,
      "Count from this time: a date, epoch ms or a duration ago (30d).",
      "0",
    ),
  },
  args: { userId },
});
export const usernameParameters = defineParameters({
  options: {},
  args: { localpart: argument("LOCALPART", text) },
});
export const listV3Parameters = defineParameters({
  options: {
    from: optionWithDefault(
      "-f, --from",
      integerAtLeast(0),
      "Start at this offset (a next_token) for paging.",
      0,
    ),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), "Users per page.", 100),
    deactivated: toggle(
      "--only-deactivated",
      "--no-deactivated",
      "Only deactivated users, or no deactivated users; all users when not given.",
    ),
    name: option("-n, --name", text, "Only users whose localpart or display name contains this."),
    userId: option("-i, --user-id", text, "Only users whose ID contains this."),
  },
  args: {},
  rules: { exclusive: [["name", "userId"]] },
});
export const renewParameters = defineParameters({
  options: {
    expiration: option(
      "--expiration",
      text,
      "Expire at this time instead of now plus the configured period.",
    ),
    noRenewalEmails: flag("--no-renewal-emails", "Stop sending renewal e-mails to the user."),
  },
  args: { userId },
});
export const registerParameters = defineParameters({
  options: {
    password: option(
      "-p, --password",
      text,
      "The new user's password; asked for (hidden, twice) when not given.",
    ),
    admin: flag("-a, --admin", "Make the new user a server admin."),
    displayName: option("-n, --display-name", text, "The new user's display name."),
    userType: option("--user-type", text, "bot or support; a regular user when not given."),
    sharedSecret: option("--shared-secret", text, "The homeserver's registration_shared_secret.", {
      env: "SYNADM_SHARED_SECRET",
    }),
    sharedSecretFile: option(
      "--shared-secret-file",
      filePath,
      "Read the shared secret from this file (e.g. homeserver.yaml's value).",
    ),
  },
  args: { username: argument("LOCALPART", text) },
  rules: { exclusive: [["sharedSecret", "sharedSecretFile"]] },
});

export const moreUserCommands: ReadonlyArray<AnyCommandSpec | GroupSpec> = [
  defineGroup({
    name: "device",
    summary: "List, show, create, rename and delete a user's devices.",
    commands: [
      defineCommand({
        name: "list",
        summary: "List a user's devices.",
        ...userOnlyParameters,
        load: () => more().then((m) => ({ default: m.listDevices })),
      }),
      defineCommand({
        name: "show",
        summary: "Show one device.",
        ...deviceParameters,
        load: () => more().then((m) => ({ default: m.showDevice })),
      }),
      defineCommand({
        name: "create",
        summary: "Create a device for a user.",
        ...deviceParameters,
        load: () => more().then((m) => ({ default: m.createDevice })),
      }),
      defineCommand({
        name: "rename",
        summary: "Change a device's display name.",
        ...renameDeviceParameters,
        load: () => more().then((m) => ({ default: m.renameDevice })),
      }),
      defineCommand({
        name: "delete",
        summary: "Delete one or more devices and their access tokens.",
        ...deleteDevicesParameters,
        load: () => more().then((m) => ({ default: m.deleteDevices })),
      }),
    ],
  }),
  defineGroup({
    name: "ratelimit",
    summary: "Show, set or remove a user's rate-limit override.",
    commands: [
      defineCommand({
        name: "show",
        summary: "Show the override ({} when there is none).",
        ...userOnlyParameters,
        load: () => more().then((m) => ({ default: m.showRateLimit })),
      }),
      defineCommand({
        name: "set",
        summary: "Override the user's rate limit (0 and 0: no limit).",
        ...setRateLimitParameters,
        load: () => more().then((m) => ({ default: m.setRateLimit })),
      }),
      defineCommand({
        name: "delete",
        summary: "Remove the override.",
        ...changeWithConfirmParameters,
        load: () => more().then((m) => ({ default: m.deleteRateLimit })),
      }),
    ],
  }),
  defineGroup({
    name: "server-admin",
    summary: "Show, grant or revoke a user's server-admin flag.",
    commands: [
      defineCommand({
        name: "show",
        summary: "Whether the user is a server admin.",
        ...userOnlyParameters,
        load: () => more().then((m) => ({ default: m.showServerAdmin })),
      }),
      defineCommand({
        name: "grant",
        summary: "Make the user a server admin.",
        ...changeWithConfirmParameters,
        load: () => more().then((m) => ({ default: m.grantServerAdmin })),
      }),
      defineCommand({
        name: "revoke",
        summary: "Make the user an ordinary user.",
        ...changeWithConfirmParameters,
        load: () => more().then((m) => ({ default: m.revokeServerAdmin })),
      }),
    ],
  }),
  defineCommand({
    name: "account-data",
    summary: "Show a user's global and per-room account data.",
    ...userOnlyParameters,
    load: () => more().then((m) => ({ default: m.accountData })),
  }),
  defineCommand({
    name: "pushers",
    summary: "List a user's pushers.",
    ...userOnlyParameters,
    load: () => more().then((m) => ({ default: m.pushers })),
  }),
  defineCommand({
    name: "memberships",
    summary: "List every room a user has a membership in, with its state (join, invite, leave, ban).",
    ...userOnlyParameters,
    load: () => more().then((m) => ({ default: m.memberships })),
  }),
  defineCommand({
    name: "sent-invite-count",
    summary: "Count the invites a user sent since a time.",
    ...sinceParameters,
    load: () => more().then((m) => ({ default: m.sentInviteCount })),
  }),
  defineCommand({
    name: "joined-room-count",
    summary: "Count the rooms a user joined since a time.",
    ...sinceParameters,
    load: () => more().then((m) => ({ default: m.joinedRoomCount })),
  }),
  defineCommand({
    name: "username-available",
    summary: "Whether a localpart is free to register.",
    ...usernameParameters,
    load: () => more().then((m) => ({ default: m.usernameAvailable })),
  }),
  defineCommand({
    name: "allow-cross-signing-reset",
    summary: "Let a user replace their master cross-signing key without re-authenticating, for 10 minutes.",
    ...changeWithConfirmParameters,
    load: () => more().then((m) => ({ default: m.allowCrossSigningReset })),
  }),
  defineCommand({
    name: "delete-media",
    summary: "Delete every media file a user uploaded.",
    ...changeWithConfirmParameters,
    load: () => more().then((m) => ({ default: m.deleteMedia })),
  }),
  defineCommand({
    name: "list-v3",
    summary: "List users with the v3 API, which can show only deactivated users.",
    ...listV3Parameters,
    load: () => more().then((m) => ({ default: m.listV3 })),
  }),
  defineCommand({
    name: "renew",
    summary: "Renew a user's account validity (servers with account_validity enabled).",
    ...renewParameters,
    load: () => more().then((m) => ({ default: m.renew })),
  }),
  defineCommand({
    name: "register",
    summary: "Create a user with the registration shared secret; needs no token (creates the first admin).",
    description:
      "Create a user with the homeserver's registration_shared_secret, as synapse_register_new_matrix_user does. " +
      "No access token is needed, so this creates the first admin of a fresh server; the answer holds a token " +
      "of the new user.",
    ...registerParameters,
    load: () => more().then((m) => ({ default: m.register })),
  }),
];
