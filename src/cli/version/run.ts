import type { RunFor } from "../parser/spec.ts";
import type { versionParameters } from "./command.ts";

const run: RunFor<typeof versionParameters> = async (context) => {
  const admin = await context.admin();
  await context.print(await admin.version.get());
};
export default run;
