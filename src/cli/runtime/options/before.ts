import { daysAgo, parseTimeSpec } from "../../../api/time.ts";
import { option } from "../../framework/spec.ts";
import { integer, integerAtLeast, text } from "../../framework/values.ts";

/** synadm's three ways to name a point in the past: days ago, a date(-time), epoch ms. */
export function beforeOptions(what: string, names: { days: string; date: string; ts: string }) {
  return {
    beforeDays: option(names.days, integerAtLeast(0), `${what} before this many days ago.`),
    before: option(
      names.date,
      text,
      `${what} before this time (2024-05-01, 2024-05-01T12:00:00, or 30d ago).`,
      {
        metavar: "DATETIME",
      },
    ),
    beforeTs: option(names.ts, integer, `${what} before this epoch time in milliseconds.`),
  };
}

/** The epoch-ms time the options name, or undefined when none was given. */
export function beforeTime(options: {
  beforeDays: number | undefined;
  before: string | undefined;
  beforeTs: number | undefined;
}): number | undefined {
  if (options.beforeDays !== undefined) return daysAgo(options.beforeDays);
  if (options.before !== undefined) return parseTimeSpec(options.before);
  return options.beforeTs;
}
