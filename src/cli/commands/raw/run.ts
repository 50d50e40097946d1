import type { RunFor } from "../../runtime/command.ts";
import type { rawParameters } from "./index.ts";
import { sendRawRequest } from "./send.ts";

const run: RunFor<typeof rawParameters> = (context, { options, args }) =>
  sendRawRequest(context, "admin", args.endpoint, options);
export default run;
