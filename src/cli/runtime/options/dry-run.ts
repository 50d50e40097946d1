import { flag } from "../../framework/spec.ts";

/** The `--dry-run` every changing command offers. */
export const dryRun: ReturnType<typeof flag> = flag(
  "--dry-run",
  "Show what would be done and change nothing.",
);
