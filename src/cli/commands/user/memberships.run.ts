import type { RoomId } from "../../../api/ids.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import type { membershipParameters, membershipsParameters, sinceParameters } from "./memberships.ts";

const ALIAS_LOOKUPS_AT_ONCE = 8;

export const membership: RunFor<typeof membershipParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const admin = await context.admin();
  const joined = await admin.users.joinedRooms(userId);
  if (options.aliases) {
    // One alias lookup per room, a few at a time instead of one after another.
    // Each room ID is replaced by its aliases where it has some: a list of text, no longer of IDs.
    const rooms: string[] = joined.joined_rooms;
    for (let start = 0; start < rooms.length; start += ALIAS_LOOKUPS_AT_ONCE) {
      const batch = rooms.slice(start, start + ALIAS_LOOKUPS_AT_ONCE);
      const names = await Promise.all(
        batch.map((roomId) =>
          admin.matrix.roomAliases(roomId as RoomId).then(
            ({ aliases }) => (aliases.length > 0 ? aliases.join(" ") : roomId),
            () => roomId,
          ),
        ),
      );
      rooms.splice(start, batch.length, ...names);
    }
  }
  return listIn(joined, "joined_rooms");
};

export const memberships: RunFor<typeof membershipsParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.memberships(userId));
};

function sinceTime(since: string): number {
  return since === "0" ? 0 : parseTimeSpec(since);
}

export const sentInviteCount: RunFor<typeof sinceParameters> = async (context, { options, args }) => {
  const since = sinceTime(options.since);
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.sentInviteCount(userId, { fromTs: since }));
};

export const joinedRoomCount: RunFor<typeof sinceParameters> = async (context, { options, args }) => {
  const since = sinceTime(options.since);
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.cumulativeJoinedRoomCount(userId, { fromTs: since }));
};
