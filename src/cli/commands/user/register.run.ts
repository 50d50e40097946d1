import { readFile } from "node:fs/promises";
import type { UserId } from "../../../api/ids.ts";
import { askNewPassword } from "../../runtime/ask-password.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { UsageError } from "../../runtime/errors.ts";
import { underMas } from "../../runtime/mas-routing.ts";
import { document } from "../../runtime/output/result.ts";
import type { registerParameters } from "./register.ts";

export const registerUser: RunFor<typeof registerParameters> = async (context, { options, args }) => {
  let sharedSecret = options.sharedSecret;
  if (options.sharedSecretFile !== undefined) {
    try {
      sharedSecret = (await readFile(options.sharedSecretFile, "utf8")).trim();
    } catch (error) {
      throw new UsageError(`cannot read the shared secret: ${(error as Error).message}`);
    }
  }
  const localpart = args.username.replace(/^@/, "").split(":")[0]!;
  // Under MAS, Synapse registers no one: the account is made in MAS, with the MAS token; no secret is needed.
  const mas = await underMas(context);
  if (!sharedSecret && !mas) {
    throw new UsageError(
      "no shared secret: give --shared-secret-file, --shared-secret or $SYNADM_SHARED_SECRET",
    );
  }
  const password = options.password ?? (await askNewPassword(context));
  if (mas) return registerInMas(context, localpart, password, options);
  const admin = await context.adminWithoutToken();
  const result = await admin.register.register({
    sharedSecret: sharedSecret!,
    username: localpart,
    password,
    admin: options.admin,
    ...(options.displayName === undefined ? {} : { displayname: options.displayName }),
    ...(options.userType === undefined ? {} : { userType: options.userType }),
  });
  return document(result);
};

async function registerInMas(
  context: CommandContext,
  localpart: string,
  password: string,
  options: { admin: boolean; displayName?: string | undefined; userType?: string | undefined },
) {
  const { createInMas } = await import("../../runtime/mas-accounts.ts");
  const homeServer = await context.serverName();
  const userId = `@${localpart}:${homeServer}`;
  await context.checkAuditLog();
  await createInMas(context, userId, { password, admin: options.admin });
  // The profile and the user type stay Synapse's.
  // Synapse's own admin flag, which MAS never sets, matches MAS's.
  const profile = {
    ...(options.admin ? { admin: true } : {}),
    ...(options.displayName === undefined ? {} : { displayname: options.displayName }),
    ...(options.userType === undefined ? {} : { user_type: options.userType }),
  };
  if (Object.keys(profile).length > 0)
    await (await context.admin()).users.createOrModify(userId as UserId, profile);
  context.note(
    `Created ${userId} in the Matrix Authentication Service. MAS gives no access token at registration: ` +
      `\`synadm user login ${userId}\` makes one.`,
  );
  // The keys of Synapse's answer; the token and device that registration made there do not exist here.
  return document({ access_token: null, user_id: userId, home_server: homeServer, device_id: null });
}
