import { parseEventId } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { showParameters } from "./fetch-event.ts";

export const showEvent: RunFor<typeof showParameters> = async (context, { args }) => {
  const eventId = parseEventId(args.eventId);
  return document(await (await context.admin()).events.get(eventId));
};
