import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { UsageError } from "../../runtime/errors.ts";
import { masUserId } from "../../runtime/mas-accounts.ts";
import { document } from "../../runtime/output/result.ts";
import { masListResult, pagingOf } from "./list-result.ts";
import type {
  clientListParameters,
  emailAddParameters,
  emailListParameters,
  linkAddParameters,
  linkListParameters,
  personalCreateParameters,
  personalListParameters,
  personalRegenerateParameters,
  policySetParameters,
  policyShowParameters,
  providerListParameters,
  removeParameters,
  showParameters,
  tokenListParameters,
  tokenNewParameters,
  tokenUpdateParameters,
} from "./resources.ts";

async function userFilter(context: CommandContext, user: string | undefined): Promise<string | undefined> {
  return user === undefined ? undefined : masUserId(await context.mas(), user);
}

/** A confirmed change, answering what MAS answers (nothing for a deletion). */
async function confirmed(
  context: CommandContext,
  dryRun: boolean,
  action: string,
  change: () => Promise<unknown>,
): Promise<ReturnType<typeof document> | undefined> {
  const done = await changeAfterConfirmation(context, dryRun, action, async () => ({
    answer: await change(),
  }));
  if (done === undefined || done.answer === undefined) return undefined;
  return document(done.answer);
}

function checkTime(name: string, value: string | undefined): void {
  if (value !== undefined && Number.isNaN(Date.parse(value)))
    throw new UsageError(
      `invalid value for ${name}: "${value}" is not a date and time (2031-01-01T00:00:00Z)`,
    );
}

function rfc3339(value: string): string {
  return new Date(value).toISOString().replace(/\.000Z$/, "Z");
}

// --- email ----------------------------------------------------------------------------------

export const listEmails: RunFor<typeof emailListParameters> = async (context, { options }) => {
  const user = await userFilter(context, options.user);
  const filters = definedOnly({ user, email: options.email });
  return masListResult(
    context,
    (await context.mas()).userEmails.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showEmail: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.mas()).userEmails.get(args.id));

export const addEmail: RunFor<typeof emailAddParameters> = async (context, { args }) => {
  const mas = await context.mas();
  const userId = await masUserId(mas, args.user);
  await context.checkAuditLog();
  return document(await mas.userEmails.add({ userId, email: args.email }));
};

export const removeEmail: RunFor<typeof removeParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  const result = await confirmed(context, options.dryRun, `Remove the email address ${args.id}`, () =>
    mas.userEmails.delete(args.id),
  );
  if (!options.dryRun) context.note(`Removed ${args.id}.`);
  return result;
};

// --- OAuth 2.0 clients ----------------------------------------------------------------------

export const listClients: RunFor<typeof clientListParameters> = async (context, { options }) => {
  const filters = definedOnly({ clientKind: options.kind, clientName: options.name });
  return masListResult(
    context,
    (await context.mas()).oauth2Clients.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showClient: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.mas()).oauth2Clients.get(args.id));

// --- personal sessions ----------------------------------------------------------------------

export const listPersonalSessions: RunFor<typeof personalListParameters> = async (context, { options }) => {
  const actorUser = await userFilter(context, options.user);
  const filters = definedOnly({ actorUser, status: options.status });
  return masListResult(
    context,
    (await context.mas()).personalSessions.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showPersonalSession: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.mas()).personalSessions.get(args.id));

export const createPersonalSession: RunFor<typeof personalCreateParameters> = async (
  context,
  { options, args },
) => {
  const mas = await context.mas();
  const actor = await masUserId(mas, args.user);
  await context.checkAuditLog();
  return document(
    await mas.personalSessions.create({
      actorUserId: actor,
      humanName: options.name ?? "synadm",
      scope: options.scope ?? "urn:matrix:client:api:*",
      ...(options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn }),
    }),
  );
};

export const regeneratePersonalSession: RunFor<typeof personalRegenerateParameters> = async (
  context,
  { options, args },
) => {
  await context.checkAuditLog();
  const regeneration = options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn };
  return document(await (await context.mas()).personalSessions.regenerate(args.id, regeneration));
};

export const revokePersonalSession: RunFor<typeof removeParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  return confirmed(context, options.dryRun, `Revoke the personal session ${args.id}`, () =>
    mas.personalSessions.revoke(args.id),
  );
};

// --- registration tokens --------------------------------------------------------------------

export const listTokens: RunFor<typeof tokenListParameters> = async (context, { options }) => {
  const { valid, used, revoked, expired } = options;
  const filters = definedOnly({ valid, used, revoked, expired });
  return masListResult(
    context,
    (await context.mas()).registrationTokens.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showToken: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.mas()).registrationTokens.get(args.id));

export const newToken: RunFor<typeof tokenNewParameters> = async (context, { options }) => {
  checkTime("--expire-at", options.expireAt);
  await context.checkAuditLog();
  return document(
    await (await context.mas()).registrationTokens.add({
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(options.usesAllowed === undefined ? {} : { usageLimit: options.usesAllowed }),
      ...(options.expireAt === undefined ? {} : { expiresAt: rfc3339(options.expireAt) }),
    }),
  );
};

export const updateToken: RunFor<typeof tokenUpdateParameters> = async (context, { options, args }) => {
  checkTime("--expire-at", options.expireAt);
  await context.checkAuditLog();
  return document(
    await (await context.mas()).registrationTokens.update(args.id, {
      ...(options.unlimited ? { usageLimit: null } : {}),
      ...(options.usesAllowed === undefined ? {} : { usageLimit: options.usesAllowed }),
      ...(options.noExpiry ? { expiresAt: null } : {}),
      ...(options.expireAt === undefined ? {} : { expiresAt: rfc3339(options.expireAt) }),
    }),
  );
};

export const revokeToken: RunFor<typeof removeParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  return confirmed(context, options.dryRun, `Revoke the registration token ${args.id}`, () =>
    mas.registrationTokens.revoke(args.id),
  );
};

export const unrevokeToken: RunFor<typeof removeParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  return confirmed(context, options.dryRun, `Make the registration token ${args.id} usable again`, () =>
    mas.registrationTokens.unrevoke(args.id),
  );
};

// --- upstream links and providers -----------------------------------------------------------

export const listLinks: RunFor<typeof linkListParameters> = async (context, { options }) => {
  const user = await userFilter(context, options.user);
  const filters = definedOnly({ user, provider: options.provider, subject: options.subject });
  return masListResult(
    context,
    (await context.mas()).upstreamOAuthLinks.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showLink: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.mas()).upstreamOAuthLinks.get(args.id));

export const addLink: RunFor<typeof linkAddParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  const userId = await masUserId(mas, args.user);
  await context.checkAuditLog();
  return document(
    await mas.upstreamOAuthLinks.add({
      userId,
      providerId: args.provider,
      subject: args.subject,
      ...(options.accountName === undefined ? {} : { humanAccountName: options.accountName }),
    }),
  );
};

export const removeLink: RunFor<typeof removeParameters> = async (context, { options, args }) => {
  const mas = await context.mas();
  const result = await confirmed(context, options.dryRun, `Remove the upstream link ${args.id}`, () =>
    mas.upstreamOAuthLinks.delete(args.id),
  );
  if (!options.dryRun) context.note(`Removed ${args.id}.`);
  return result;
};

export const listProviders: RunFor<typeof providerListParameters> = async (context, { options }) => {
  const filters = definedOnly({ enabled: options.enabled });
  return masListResult(
    context,
    (await context.mas()).upstreamOAuthProviders.list({ ...filters, ...pagingOf(options) }),
    options.all,
  );
};

export const showProvider: RunFor<typeof showParameters> = async (context, { args }) =>
  document(await (await context.mas()).upstreamOAuthProviders.get(args.id));

// --- policy data ----------------------------------------------------------------------------

export const showPolicyData: RunFor<typeof policyShowParameters> = async (context, { args }) => {
  const mas = await context.mas();
  return document(await (args.id === undefined ? mas.policyData.latest() : mas.policyData.get(args.id)));
};

export const setPolicyData: RunFor<typeof policySetParameters> = async (context, { options, args }) => {
  const text = await readInput(context, args.file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${args.file} is not JSON: ${(error as Error).message}`);
  }
  const mas = await context.mas();
  return confirmed(context, options.dryRun, `Put the policy data of ${args.file} in force`, () =>
    mas.policyData.set({ data }),
  );
};

async function readInput(context: CommandContext, file: string): Promise<string> {
  if (file === "-") {
    let text = "";
    for await (const chunk of context.io.stdin) text += String(chunk);
    return text;
  }
  const { readFile } = await import("node:fs/promises");
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
