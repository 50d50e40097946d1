import { InvalidInputError } from "./errors.ts";

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds in `days` days. */
export function daysToMs(days: number): number {
  return days * UNIT_MS["d"]!;
}

/** The epoch-ms instant `days` days before `now` (synadm's `--before-days`). */
export function daysAgo(days: number, now: number = Date.now()): number {
  return now - daysToMs(days);
}

/**
 * Parses a duration like `30d`, `12h`, `90m`, `45s`, `2w` or a combination
 * (`1d12h`) into milliseconds.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(trimmed)) {
    throw new InvalidInputError(
      `invalid duration "${text}": expected a number and a unit (s, m, h, d, w), like 30d`,
    );
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) {
    total += Number(amount) * UNIT_MS[unit!]!;
  }
  return Math.round(total);
}

/**
 * Parses a point in time as admins write it, to epoch milliseconds:
 * - epoch milliseconds (`1700000000000`);
 * - an ISO date or date-time (`2024-05-01`, `2024-05-01T12:00`, `2024-05-01 12:00:00`,
 *   with `Z` or an offset); without a zone it is local time, as in synadm;
 * - a duration before now (`30d`, `12h`), which is what "older than" means in
 *   purge and delete commands.
 */
export function parseTimeSpec(text: string, now: number = Date.now()): number {
  const trimmed = text.trim();
  if (/^\d{10,}$/.test(trimmed)) return Number(trimmed);
  if (/^\d+(\.\d+)?[smhdw]/.test(trimmed)) return now - parseDuration(trimmed);
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      trimmed,
    );
  if (iso) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = iso;
    const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
    const ms = Math.round(Number(`0${frac}`) * 1000);
    const value = zone
      ? Date.UTC(...parts, ms) - zoneOffsetMs(zone)
      : new Date(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], ms).getTime();
    const check = new Date(Date.UTC(parts[0], parts[1], parts[2]));
    if (!Number.isNaN(value) && check.getUTCMonth() === parts[1] && check.getUTCDate() === parts[2])
      return value;
  }
  throw new InvalidInputError(
    `invalid time "${text}": expected a date (2024-05-01), a date-time (2024-05-01T12:00:00), ` +
      "epoch milliseconds, or a duration before now (30d)",
  );
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** Local time as `YYYY-MM-DD HH:MM:SS`, the form synadm prints with `--datetime`. */
export function formatLocalDateTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
