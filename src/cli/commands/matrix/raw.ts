import type { RunFor } from "../../runtime/command.ts";
import { sendRawRequest } from "../raw/send.ts";
import type { matrixRawParameters } from "./index.ts";

const run: RunFor<typeof matrixRawParameters> = (context, { options, args }) =>
  sendRawRequest(context, "matrix", args.endpoint, options, async () =>
    options.prompt ? await context.prompt.ask("Matrix token", { hidden: true }) : options.token,
  );
export default run;
