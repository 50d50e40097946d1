import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
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

export const listTokens: RunFor<typeof listParameters> = async (context, { options }) =>
  listIn(
    await (await context.admin()).registrationTokens.list({ valid: options.valid }),
    "registration_tokens",
    {
      timeFields,
    },
  );

export const tokenDetails: RunFor<typeof detailsParameters> = async (context, { args }) =>
  document(await (await context.admin()).registrationTokens.get(args.token), { timeFields });

export const newToken: RunFor<typeof newParameters> = async (context, { options }) => {
  const expiry =
    options.expiryTs ?? (options.expireAt === undefined ? null : parseTimeSpec(options.expireAt));
  const body = {
    length: options.length,
    usesAllowed: options.usesAllowed ?? null,
    expiryTime: expiry,
    ...(options.token === undefined ? {} : { token: options.token }),
  };
  return document(await (await context.admin()).registrationTokens.create(body));
};

export const updateToken: RunFor<typeof updateParameters> = async (context, { options, args }) => {
  const changes: { uses_allowed?: number | null; expiry_time?: number | null } = {};
  if (options.usesAllowed !== undefined)
    changes.uses_allowed = options.usesAllowed === -1 ? null : options.usesAllowed;
  if (options.expiryTs !== undefined) changes.expiry_time = options.expiryTs === -1 ? null : options.expiryTs;
  if (options.expireAt !== undefined) changes.expiry_time = parseTimeSpec(options.expireAt);
  const { registrationTokens } = await context.admin();
  const action = `Change registration token ${args.token}: ${JSON.stringify(changes)}`;
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
