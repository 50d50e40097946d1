import { type FlagSpec, flag, optionWithDefault, type ValueSpec } from "../../framework/spec.ts";
import { integerAtLeast } from "../../framework/values.ts";
import { dryRun } from "./dry-run.ts";

/** The options of every command that acts on many things. */
export interface BulkOptionSpecs {
  readonly dryRun: FlagSpec<boolean>;
  readonly concurrency: ValueSpec<number, number>;
  readonly resume: FlagSpec<boolean>;
  readonly restart: FlagSpec<boolean>;
  readonly summary: FlagSpec<boolean>;
}

/** The parsed values of {@link BulkOptionSpecs}. */
export interface BulkOptionValues {
  readonly dryRun: boolean;
  readonly concurrency: number;
  readonly resume: boolean;
  readonly restart: boolean;
  /** Print the run's full summary on stdout, also where the command prints synadm's document. */
  readonly summary?: boolean;
}

/** Default items in flight: enough to hide latency, few enough for a busy homeserver. */
export const DEFAULT_CONCURRENCY = 8;

/** `--dry-run`, `--concurrency`, `--resume`, `--restart` and `--summary`; `what` names the actions, e.g. "Deactivations". */
export function bulkOptions(what: string, dryRunSpec: FlagSpec<boolean> = dryRun): BulkOptionSpecs {
  return {
    dryRun: dryRunSpec,
    concurrency: optionWithDefault(
      "--concurrency",
      integerAtLeast(1),
      `${what} running at once (fewer for a while after the server rate-limits).`,
      DEFAULT_CONCURRENCY,
    ),
    resume: flag(
      "--resume",
      "Go on with an interrupted run of this same command line: what it finished is skipped, what failed is tried again.",
    ),
    restart: flag("--restart", "Forget an interrupted run of this same command line and start over."),
    summary: flag(
      "--summary",
      "Print the run's full summary (done, failed, skipped, not started) on stdout instead of the command's usual document.",
    ),
  };
}
