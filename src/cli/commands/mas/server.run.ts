import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { noParameters } from "./server.ts";

export const masVersion: RunFor<typeof noParameters> = async (context) =>
  document(await (await context.mas()).server.version());

export const masSiteConfig: RunFor<typeof noParameters> = async (context) =>
  document(await (await context.mas()).server.siteConfig());
