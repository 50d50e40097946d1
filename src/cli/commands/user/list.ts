import type { UserListParams } from "../../../api/resources/users.ts";
import type { RunFor } from "../../runtime/command.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type { listParameters } from "./index.ts";

const run: RunFor<typeof listParameters> = async (context, { options }) => {
  const params: UserListParams = {
    from: options.from,
    limit: options.limit,
    // synadm always sends locked; deactivated only when asked for.
    locked: options.locked,
    ...(options.guests === undefined ? {} : { guests: options.guests }),
    ...(options.deactivated ? { deactivated: true } : {}),
    ...(options.admins === undefined ? {} : { admins: options.admins }),
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.userId === undefined ? {} : { userId: options.userId }),
    ...(options.sortBy === undefined ? {} : { orderBy: options.sortBy }),
    ...(options.reverse ? { dir: "b" as const } : {}),
    ...(options.excludeUserType.length > 0 ? { notUserType: options.excludeUserType } : {}),
  };
  const admin = await context.admin();
  if (!options.all) {
    const page = await admin.users.listPage(params);
    if (page.next_token !== undefined)
      context.note(`More users: use --from ${escapeTerminalText(String(page.next_token))}, or --all.`);
    await context.print(page, page.users);
    return;
  }
  // The first page comes first: its total is part of the document.
  const pages = admin.users.list(params).pages();
  const first = await pages.next();
  async function* users() {
    if (first.done) return;
    yield* first.value.users;
    for await (const page of pages) yield* page.users;
  }
  const total = first.done ? 0 : first.value.total;
  const { printStreamedList } = await import("../../runtime/output/stream.ts");
  await printStreamedList(context.output, await context.outputFormat(), "users", users(), { total });
};
export default run;
