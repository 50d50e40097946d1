import type { RunFor } from "../../runtime/command.ts";
import { sendRawRequest } from "../../runtime/raw-request/send.ts";
import type { rawParameters } from "./raw-request.ts";

export const rawRequest: RunFor<typeof rawParameters> = (context, { options, args }) =>
  sendRawRequest(context, "admin", args.endpoint, options);
