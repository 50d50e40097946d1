import type { UserListPage, UserListParams, UserSummary } from "../../../api/resources/users.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { listIn, streamOf } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type { listParameters, listV3Parameters, searchParameters } from "./list.ts";

export const listUsers: RunFor<typeof listParameters> = async (context, { options }) => {
  const { from, limit, guests, admins, orderBy, notUserType, name, userId } = options;
  const params: UserListParams = {
    ...definedOnly({ from, limit, guests, admins, orderBy, notUserType, name, userId }),
    // synadm always sends locked; deactivated only when asked for.
    locked: options.locked,
    ...(options.deactivated ? { deactivated: true } : {}),
    ...(options.reverse ? { dir: "b" as const } : {}),
  };
  const admin = await context.admin();
  if (!options.all) {
    const page = await admin.users.listPage(params);
    if (page.next_token !== undefined)
      context.note(`More users: use --from ${escapeTerminalText(String(page.next_token))}, or --all.`);
    return listIn(page, "users");
  }
  // The first page comes first: its total is part of the document.
  const { page, items } = await admin.users.list(params).withFirstPage();
  return streamOf("users", items, { total: page.total });
};

export const listUsersV3: RunFor<typeof listV3Parameters> = async (context, { options }) => {
  const { from, limit, deactivated, name, userId } = options;
  const page = await (await context.admin()).users.listPageV3(
    definedOnly({ from, limit, deactivated, name, userId }),
  );
  return listIn(page, "users");
};

export const searchUsers: RunFor<typeof searchParameters> = async (context, { options, args }) => {
  const admin = await context.admin();
  const term = args.searchTerm;
  // Synapse matches names case-sensitively in some databases; asking for both
  // spellings finds "alice" and "Alice", as synadm does, but prints one document.
  const spellings = [
    ...new Set([term.toLowerCase(), term.charAt(0).toUpperCase() + term.slice(1).toLowerCase()]),
  ];
  const pages: UserListPage[] = [];
  for (const name of spellings) {
    pages.push(
      await admin.users.listPage({
        name,
        from: options.from,
        limit: options.limit,
        deactivated: true,
        guests: true,
      }),
    );
  }
  const users = new Map<string, UserSummary>();
  for (const page of pages) for (const user of page.users) users.set(user.name, user);
  const found = [...users.values()];
  return listIn({ users: found, total: found.length }, "users");
};
