import type { RunFor } from "../../runtime/command.ts";
import { document } from "../../runtime/output/result.ts";
import type { versionParameters } from "./server-version.ts";

export const serverVersion: RunFor<typeof versionParameters> = async (context) => {
  const admin = await context.admin();
  return document(await admin.version.get());
};
