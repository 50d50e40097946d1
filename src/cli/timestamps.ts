import { formatLocalDateTime } from "../api/time.ts";
import { toggleWithDefault } from "./parser/spec.ts";

/** synadm's `--datetime/--timestamp` switch (with `--dt/--ts`). */
export function datetimeOption(what: string): ReturnType<typeof toggleWithDefault> {
  return toggleWithDefault(
    "--datetime, --dt",
    "--timestamp, --ts",
    `Show ${what} as local date and time, or as epoch milliseconds.  [default: datetime]`,
    true,
  );
}

/** A copy of the records with the named epoch-ms fields shown as local `YYYY-MM-DD HH:MM:SS`, as synadm shows them. */
export function withLocalTimes<T extends Record<string, unknown>>(
  records: readonly T[],
  fields: readonly string[],
): T[] {
  return records.map((record) => {
    const copy: Record<string, unknown> = { ...record };
    for (const field of fields) {
      const value = copy[field];
      if (typeof value === "number") copy[field] = formatLocalDateTime(value);
    }
    return copy as T;
  });
}
