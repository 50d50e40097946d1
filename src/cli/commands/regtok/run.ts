import type { RegistrationToken } from "../../../api/resources/registration-tokens.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { keepEpochTimes, withLocalTimes } from "../../runtime/output/times.ts";
import type {
  deleteParameters,
  detailsParameters,
  listParameters,
  newParameters,
  updateParameters,
} from "./index.ts";

const shown = (tokens: RegistrationToken[], datetime: boolean): RegistrationToken[] =>
  datetime ? withLocalTimes(tokens, ["expiry_time"]) : tokens;

export const list: RunFor<typeof listParameters> = async (context, { options }) => {
  const result = await (await context.admin()).registrationTokens.list(options.valid);
  const tokens = shown(result.registration_tokens, options.datetime);
  // --ts (no --datetime) keeps epoch times in human tables too.
  await context.print(
    { ...result, registration_tokens: tokens },
    options.datetime ? tokens : keepEpochTimes(tokens),
  );
};

export const details: RunFor<typeof detailsParameters> = async (context, { options, args }) => {
  const token = await (await context.admin()).registrationTokens.get(args.token);
  const one = shown([token], options.datetime)[0]!;
  await context.print(options.datetime ? one : keepEpochTimes(one));
};

export const create: RunFor<typeof newParameters> = async (context, { options }) => {
  const expiry =
    options.expiryTs ?? (options.expireAt === undefined ? null : parseTimeSpec(options.expireAt));
  const body = {
    length: options.length,
    uses_allowed: options.usesAllowed ?? null,
    expiry_time: expiry,
    ...(options.token === undefined ? {} : { token: options.token }),
  };
  await context.print(await (await context.admin()).registrationTokens.create(body));
};

export const update: RunFor<typeof updateParameters> = async (context, { options, args }) => {
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
    () => registrationTokens.update(args.token, changes),
    "when-configured",
  );
  if (result) await context.print(result);
};

export const remove: RunFor<typeof deleteParameters> = async (context, { options, args }) => {
  const { registrationTokens } = await context.admin();
  const result = await changeAfterConfirmation(
    context,
    options.dryRun,
    `Delete registration token ${args.token}`,
    () => registrationTokens.delete(args.token),
    "when-configured",
  );
  if (result) await context.print(result);
};
