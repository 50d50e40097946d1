import type { RunFor } from "../../runtime/command.ts";
import { sendRawRequest } from "../../runtime/raw-request/send.ts";
import type { matrixRawParameters } from "./raw-request.ts";

export const matrixRawRequest: RunFor<typeof matrixRawParameters> = (context, { options, args }) =>
  sendRawRequest(context, "matrix", args.endpoint, options, async () =>
    options.prompt ? await context.prompt.ask("Matrix token", { hidden: true }) : options.token,
  );
