import { formatLocalDateTime } from "../../../api/time.ts";

/** A copy of the records with the named epoch-ms fields shown as local `YYYY-MM-DD HH:MM:SS`, as synadm shows them. */
function withLocalTimes<T extends Record<string, unknown>>(
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

// Epoch times the Admin API returns under names not ending in "_ts".
const TIME_FIELDS = new Set([
  "expiry_time",
  "timestamp_ms",
  "valid_until_ms",
  "updatable_without_uia_before_ms",
  "last_seen",
]);

/** Whether a field of an Admin API record holds an epoch time: `*_ts`, `expiry_time`, `timestamp_ms` and the like. */
export function isTimestampField(name: string): boolean {
  return name.endsWith("_ts") || TIME_FIELDS.has(name);
}

// Synapse keeps a user's creation_ts in seconds: `v2/users/<id>` returns it
// as stored, the v2 list converts it to milliseconds. No Matrix time in
// milliseconds is this small (it would be before March 1973), and no time in
// seconds this large (after the year 5000).
const SECONDS_BELOW = 1e11;

/** Epoch milliseconds from an epoch time the API gave in milliseconds or (creation_ts of one user) seconds. */
export function epochMilliseconds(value: number): number {
  return value < SECONDS_BELOW ? value * 1000 : value;
}

function withLocalDates(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(record)) {
    // 0 stands for "never" (retry_last_ts of a destination never tried), not 1970.
    if (isTimestampField(key) && typeof value === "number" && Number.isInteger(value) && value > 0)
      copy[key] = formatLocalDateTime(epochMilliseconds(value));
  }
  return copy;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What `human` shows of a document: the epoch times of a record, or of each
 * record of a list, as local `YYYY-MM-DD HH:MM:SS`. Nested values and times
 * already shown as text are left alone.
 */
export function humanTimes(view: unknown): unknown {
  if (typeof view !== "object" || view === null) return view;
  if (Array.isArray(view)) return view.map((item) => (isRecord(item) ? withLocalDates(item) : item));
  return withLocalDates(view as Readonly<Record<string, unknown>>);
}

/**
 * The records with their times as local `YYYY-MM-DD HH:MM:SS`: the named
 * epoch-ms fields (synadm's choice for a command), or else every time field
 * of each record, as `human` shows them.
 */
export function localTimesOf(records: readonly unknown[], fields?: readonly string[]): unknown[] {
  if (fields !== undefined)
    return records.map((record) => (isRecord(record) ? withLocalTimes([record], fields)[0] : record));
  return records.map((record) => (isRecord(record) ? withLocalDates(record) : record));
}
