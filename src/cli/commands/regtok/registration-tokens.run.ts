import { checkPathSegments, path } from "../../../api/path.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { underMas } from "../../runtime/mas-routing.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import type {
  deleteParameters,
  detailsParameters,
  listParameters,
  newParameters,
  updateParameters,
} from "./registration-tokens.ts";

// synadm's --datetime converts the expiry time alone; --timestamp keeps it an epoch number everywhere.
const timeFields = ["expiry_time"];

const underMasTokens = () => import("./under-mas.ts");

/** A token that cannot be a path segment ("", ".", "..") is bad input, refused before any request (even MAS's). */
function checkToken(token: string): void {
  checkPathSegments(path`/v1/registration_tokens/${token}`);
}

export const listTokens: RunFor<typeof listParameters> = async (context, { options }) => {
  if (await underMas(context)) {
    const { masTokens } = await underMasTokens();
    return listIn({ registration_tokens: await masTokens(context, options.valid) }, "registration_tokens", {
      timeFields,
    });
  }
  return listIn(
    await (await context.admin()).registrationTokens.list({ valid: options.valid }),
    "registration_tokens",
    {
      timeFields,
    },
  );
};

export const tokenDetails: RunFor<typeof detailsParameters> = async (context, { args }) => {
  checkToken(args.token);
  if (await underMas(context)) {
    const { masTokenId, synadmShapeOf } = await underMasTokens();
    const mas = await context.mas();
    const token = await mas.registrationTokens.get(await masTokenId(mas, args.token));
    return document(synadmShapeOf(token.data), { timeFields });
  }
  return document(await (await context.admin()).registrationTokens.get(args.token), { timeFields });
};

export const newToken: RunFor<typeof newParameters> = async (context, { options }) => {
  const expiry =
    options.expiryTs ?? (options.expireAt === undefined ? null : parseTimeSpec(options.expireAt));
  const body = {
    length: options.length,
    usesAllowed: options.usesAllowed ?? null,
    expiryTime: expiry,
    ...(options.token === undefined ? {} : { token: options.token }),
  };
  if (await underMas(context)) {
    const { generatedToken, masDate, synadmShapeOf } = await underMasTokens();
    await context.checkAuditLog();
    const { data } = await (await context.mas()).registrationTokens.add({
      token: options.token ?? generatedToken(options.length),
      usageLimit: body.usesAllowed,
      expiresAt: masDate(expiry),
    });
    return document(synadmShapeOf(data));
  }
  return document(await (await context.admin()).registrationTokens.create(body));
};

export const updateToken: RunFor<typeof updateParameters> = async (context, { options, args }) => {
  const changes: { uses_allowed?: number | null; expiry_time?: number | null } = {};
  if (options.usesAllowed !== undefined)
    changes.uses_allowed = options.usesAllowed === -1 ? null : options.usesAllowed;
  if (options.expiryTs !== undefined) changes.expiry_time = options.expiryTs === -1 ? null : options.expiryTs;
  if (options.expireAt !== undefined) changes.expiry_time = parseTimeSpec(options.expireAt);
  checkToken(args.token);
  const action = `Change registration token ${args.token}: ${JSON.stringify(changes)}`;
  if (await underMas(context)) {
    const { masDate, masTokenId, synadmShapeOf } = await underMasTokens();
    const mas = await context.mas();
    const done = await changeAfterConfirmation(
      context,
      options.dryRun,
      action,
      async () =>
        mas.registrationTokens.update(await masTokenId(mas, args.token), {
          ...(changes.uses_allowed === undefined ? {} : { usageLimit: changes.uses_allowed }),
          ...(changes.expiry_time === undefined ? {} : { expiresAt: masDate(changes.expiry_time) }),
        }),
      "when-configured",
    );
    return done ? document(synadmShapeOf(done.data)) : undefined;
  }
  const { registrationTokens } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    action,
    () =>
      registrationTokens.update(args.token, {
        usesAllowed: changes.uses_allowed,
        expiryTime: changes.expiry_time,
      }),
    "when-configured",
  );
  return result ? document(result) : undefined;
};

export const deleteToken: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
  checkToken(args.token);
  if (await underMas(context)) {
    const { masTokenId } = await underMasTokens();
    const mas = await context.mas();
    const done = await changeAfterConfirmation(
      context,
      options.dryRun,
      `Delete registration token ${args.token}`,
      async () => {
        const id = await masTokenId(mas, args.token);
        await mas.registrationTokens.revoke(id);
        context.note(
          `MAS cannot delete a registration token: ${args.token} is revoked instead (MAS ID ${id}; ` +
            `\`synadm mas regtok unrevoke ${id}\` undoes it).`,
        );
        return {};
      },
      "when-configured",
    );
    // Synapse answers {} here; so does synadm under MAS.
    return done ? document(done) : undefined;
  }
  const { registrationTokens } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Delete registration token ${args.token}`,
    () => registrationTokens.delete(args.token),
    "when-configured",
  );
  return result ? document(result) : undefined;
};
