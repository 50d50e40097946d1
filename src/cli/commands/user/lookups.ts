import type { UserListPage, UserSummary } from "../../../api/resources/users.ts";
import type { RunFor } from "../../runtime/command.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import { withLocalTimes } from "../../runtime/output/times.ts";
import type {
  authProviderParameters,
  detailsParameters,
  mediaParameters,
  membershipParameters,
  redactStatusParameters,
  searchParameters,
  threepidParameters,
} from "./index.ts";

export const details: RunFor<typeof detailsParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  await context.print(await (await context.admin()).users.get(userId));
};

export const whois: RunFor<typeof detailsParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  await context.print(await (await context.admin()).users.whois(userId));
};

const ALIAS_LOOKUPS_AT_ONCE = 8;

export const membership: RunFor<typeof membershipParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const admin = await context.admin();
  const joined = await admin.users.joinedRooms(userId);
  if (options.aliases) {
    // One alias lookup per room, a few at a time instead of one after another.
    const rooms = joined.joined_rooms;
    for (let start = 0; start < rooms.length; start += ALIAS_LOOKUPS_AT_ONCE) {
      const batch = rooms.slice(start, start + ALIAS_LOOKUPS_AT_ONCE);
      const names = await Promise.all(
        batch.map((roomId) =>
          admin.matrix.roomAliases(roomId).then(
            ({ aliases }) => (aliases.length > 0 ? aliases.join(" ") : roomId),
            () => roomId,
          ),
        ),
      );
      rooms.splice(start, batch.length, ...names);
    }
  }
  await context.print(joined, joined.joined_rooms);
};

export const search: RunFor<typeof searchParameters> = async (context, { options, args }) => {
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
  await context.print({ users: found, total: found.length }, found);
};

export const media: RunFor<typeof mediaParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const page = await (await context.admin()).users.mediaPage(userId, {
    from: options.from,
    limit: options.limit,
    ...(options.sort === undefined ? {} : { orderBy: options.sort }),
    ...(options.reverse ? { dir: "b" as const } : {}),
  });
  const shown = options.datetime
    ? { ...page, media: withLocalTimes(page.media, ["created_ts", "last_access_ts"]) }
    : page;
  if (page.next_token !== undefined)
    context.note(
      `More media: use --from ${escapeTerminalText(String(page.next_token))} (total ${page.total}).`,
    );
  await context.print(shown, shown.media);
};

export const redactStatus: RunFor<typeof redactStatusParameters> = async (context, { args }) => {
  await context.print(await (await context.admin()).users.redactStatus(args.redactId));
};

export const authProvider: RunFor<typeof authProviderParameters> = async (context, { options, args }) => {
  const admin = await context.admin();
  await context.print(await admin.users.findByAuthProvider(options.provider!, args.externalUserId));
};

export const threepid: RunFor<typeof threepidParameters> = async (context, { options, args }) => {
  await context.print(await (await context.admin()).users.findByThreepid(options.medium, args.address));
};
