import { parseEventId } from "../../api/ids.ts";
import type { RunFor } from "../parser/spec.ts";
import type { showParameters } from "./command.ts";

const run: RunFor<typeof showParameters> = async (context, { args }) => {
  const eventId = parseEventId(args.eventId);
  await context.print(await (await context.admin()).events.get(eventId));
};
export default run;
