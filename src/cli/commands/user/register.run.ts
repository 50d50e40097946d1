import { readFile } from "node:fs/promises";
import { askNewPassword } from "../../runtime/ask-password.ts";
import type { RunFor } from "../../runtime/command.ts";
import { UsageError } from "../../runtime/errors.ts";
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
  if (!sharedSecret) {
    throw new UsageError(
      "no shared secret: give --shared-secret-file, --shared-secret or $SYNADM_SHARED_SECRET",
    );
  }
  const localpart = args.username.replace(/^@/, "").split(":")[0]!;
  const password = options.password ?? (await askNewPassword(context));
  const admin = await context.adminWithoutToken();
  const result = await admin.register.register({
    sharedSecret,
    username: localpart,
    password,
    admin: options.admin,
    ...(options.displayName === undefined ? {} : { displayname: options.displayName }),
    ...(options.userType === undefined ? {} : { userType: options.userType }),
  });
  return document(result);
};
