import { parseEventId } from "../../../api/ids.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { showParameters } from "./index.ts";

const run: RunFor<typeof showParameters> = async (context, { args }) => {
  const eventId = parseEventId(args.eventId);
  await context.print(await (await context.admin()).events.get(eventId));
};
export default run;
