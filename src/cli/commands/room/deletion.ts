import type { RoomDeleteOptions } from "../../../api/resources/rooms.ts";
import type { CommandContext } from "../../runtime/context.ts";

/** The delete options `room delete` and `room delete-many` share, as given on the command line. */
export interface DeletionChoices {
  readonly block: boolean;
  readonly noPurge: boolean;
  readonly forcePurge: boolean;
  readonly newRoomUserId: string | undefined;
  readonly roomName: string | undefined;
  readonly message: string | undefined;
}

/** The body of a room delete from the command line's choices (a bare localpart becomes a full user ID). */
export async function roomDeletion(
  context: CommandContext,
  choices: DeletionChoices,
): Promise<RoomDeleteOptions> {
  const deletion: RoomDeleteOptions = { block: choices.block, purge: !choices.noPurge };
  if (choices.newRoomUserId !== undefined)
    deletion.new_room_user_id = await context.userId(choices.newRoomUserId);
  if (choices.roomName !== undefined) deletion.room_name = choices.roomName;
  if (choices.message !== undefined) deletion.message = choices.message;
  if (choices.forcePurge) deletion.force_purge = true;
  return deletion;
}
