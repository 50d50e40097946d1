// `mas doctor`: are Synapse's accounts and MAS's users the same accounts, in the same state?
import { defineParameters, flag, optionWithDefault } from "../../framework/spec.ts";
import { integerBetween } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";

// The report holds the run's summary already: no --summary.
const { summary: _summary, ...repairOptions } = bulkOptions(
  "Repairs",
  flag("-n, --dry-run", "With --fix: list the repairs and change nothing."),
);

export const masDoctorParameters = defineParameters({
  options: {
    fix: flag("--fix", "Repair what was found (asks first; --batch does not), through a resumable run."),
    batchSize: optionWithDefault(
      "-p, --batch-size",
      integerBetween(1, 1000),
      "Accounts read per page, from each side.",
      500,
    ),
    ...repairOptions,
  },
  args: {},
});

export const masDoctorCommand = defineCommand({
  name: "doctor",
  summary: "Find accounts Synapse and MAS disagree on; with --fix, repair them.",
  description:
    "Compare every account of the homeserver with every user of MAS, without changing anything: " +
    "accounts only in Synapse (an application service's are left out; one deactivated there is only " +
    "reported), users only in MAS, and accounts that are deactivated, locked or an admin on one side " +
    "only. MAS is the source of truth for auth state: --fix creates a Synapse-only account in MAS " +
    "(which adopts it), creates a MAS-only user in Synapse, deactivates on the other side an account " +
    "deactivated on one (without erasing), and sets Synapse's lock and admin flag to MAS's. Repairs " +
    "run as a bulk run: previewed, confirmed, journaled (--resume goes on after an interruption), each " +
    "checked again right before it is made. Both sides are read page by page and held in memory, one " +
    "small record per account (fine to 100,000 and beyond; at most 1,000,000 per side). The findings " +
    "are the result: for reading, grouped by severity, unless -o names a format. Exit code as doctor's: " +
    "0 when nothing is worse than info, 20 for warnings, 21 for errors, counting only what is left " +
    "unrepaired; a repair run that fails or is interrupted exits as other bulk runs do.",
  ...masDoctorParameters,
  examples: [
    [
      "synadm mas doctor --fix --dry-run",
      "What Synapse and MAS disagree on, and the repairs --fix would make",
    ],
    ["synadm --batch -o json mas doctor --fix", "Repair everything without asking; the report as JSON"],
  ],
  load: () => import("./consistency.run.ts").then((m) => m.masDoctor),
});
