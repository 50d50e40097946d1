import type { MasAdmin } from "../../../api/mas-admin.ts";
import type { MasPagedList, MasPaging } from "../../../api/resources/mas-resource.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import { masUserId } from "../../runtime/mas-accounts.ts";
import { document } from "../../runtime/output/result.ts";
import { masListResult, pagingOf } from "./list-result.ts";
import type { finishParameters, listParameters, SessionKind, showParameters } from "./sessions.ts";

/** What the three session resources have in common, as these commands use it. */
interface SessionResource {
  list(
    params: { user?: string; status?: "active" | "finished" } & MasPaging,
  ): MasPagedList<Record<string, unknown>>;
  get(id: string): Promise<unknown>;
  finish(id: string): Promise<unknown>;
}

function resourceOf(mas: MasAdmin, kind: SessionKind): SessionResource {
  return (kind === "browser-session"
    ? mas.userSessions
    : kind === "compat-session"
      ? mas.compatSessions
      : mas.oauth2Sessions) as unknown as SessionResource;
}

export function listSessions(kind: SessionKind): RunFor<typeof listParameters> {
  return async (context, { options }) => {
    const mas = await context.mas();
    const user = options.user === undefined ? undefined : await masUserId(mas, options.user);
    const filters = { ...(user ? { user } : {}), ...(options.status ? { status: options.status } : {}) };
    return masListResult(
      context,
      resourceOf(mas, kind).list({ ...filters, ...pagingOf(options) }),
      options.all,
    );
  };
}

export function showSession(kind: SessionKind): RunFor<typeof showParameters> {
  return async (context, { args }) => document(await resourceOf(await context.mas(), kind).get(args.session));
}

export function finishSession(kind: SessionKind): RunFor<typeof finishParameters> {
  return async (context, { options, args }) => {
    const resource = resourceOf(await context.mas(), kind);
    const done = await changeAfterConfirmation(
      context,
      options.dryRun,
      `End the ${kind} ${args.session}`,
      () => resource.finish(args.session),
    );
    return done === undefined ? undefined : document(done);
  };
}
