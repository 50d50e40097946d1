import type { RunFor } from "../parser/spec.ts";
import type { rawParameters } from "./command.ts";
import { sendRawRequest } from "./send.ts";

const run: RunFor<typeof rawParameters> = (context, { options, args }) =>
  sendRawRequest(context, "admin", args.endpoint, options);
export default run;
