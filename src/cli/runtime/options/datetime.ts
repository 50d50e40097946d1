import { type FlagSpec, toggle, toggleWithDefault } from "../../framework/spec.ts";

/**
 * synadm's `--datetime/--timestamp` switch (with `--dt/--ts`), on by default:
 * the command's time fields are local date and time in every format.
 */
export function datetimeOption(what: string): FlagSpec<boolean> {
  return toggleWithDefault(
    "--datetime, --dt",
    "--timestamp, --ts",
    `Show ${what} as local date and time, or as epoch milliseconds.  [default: datetime]`,
    true,
  );
}

/**
 * The same switch for lists synadm gives none: not given, `human` shows
 * local times and the machine formats the server's numbers, as before.
 */
export const listTimes: FlagSpec<boolean | undefined> = toggle(
  "--datetime, --dt",
  "--timestamp, --ts",
  "Show times as local date and time in every format, or as epoch milliseconds even in human tables.",
);
