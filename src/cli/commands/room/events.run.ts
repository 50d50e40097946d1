import { parseEventId } from "../../../api/ids.ts";
import { parseTimeSpec } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { definedOnly } from "../../runtime/defined-only.ts";
import { UsageError } from "../../runtime/errors.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";
import type { contextParameters, messagesParameters, timestampParameters } from "./events.ts";
import { parseRoomId } from "./room-ids.ts";

export const roomMessages: RunFor<typeof messagesParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  let filter: unknown;
  if (options.filter !== undefined) {
    try {
      filter = JSON.parse(options.filter);
    } catch (error) {
      throw new UsageError(`--filter is not valid JSON: ${(error as Error).message}`);
    }
  }
  const { from, to, limit } = options;
  const page = await (await context.admin()).rooms.messages(roomId, {
    ...definedOnly({ from, to, limit, filter }),
    dir: options.backwards ? "b" : "f",
  });
  if (page.end !== undefined) context.note(`Next page: --from ${escapeTerminalText(String(page.end))}`);
  return listIn(page, "chunk");
};

export const roomContext: RunFor<typeof contextParameters> = async (context, { options, args }) => {
  const roomId = parseRoomId(args.roomId);
  const eventId = parseEventId(args.eventId);
  return document(
    await (await context.admin()).rooms.eventContext(roomId, eventId, { limit: options.limit }),
  );
};

export const roomTimestampToEvent: RunFor<typeof timestampParameters> = async (
  context,
  { options, args },
) => {
  const roomId = parseRoomId(args.roomId);
  const ts = parseTimeSpec(args.time);
  return document(
    await (await context.admin()).rooms.timestampToEvent(roomId, { ts, dir: options.backwards ? "b" : "f" }),
  );
};
