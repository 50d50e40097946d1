import type { RunFor } from "../../runtime/command.ts";
import type { versionParameters } from "./index.ts";

const run: RunFor<typeof versionParameters> = async (context) => {
  const admin = await context.admin();
  await context.print(await admin.version.get());
};
export default run;
