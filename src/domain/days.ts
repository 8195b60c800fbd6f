import { badInput } from "./errors";
import { DAY_MS } from "./clock";

/** V5: a UTC calendar day as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS));
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS) + 1;
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused), else BAD_USER_INPUT naming `field`. */
export function parseDay(value: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (!Number.isNaN(d.getTime()) && utcDay(d) === value) return value;
  }
  throw badInput(`${field} must be a UTC day written YYYY-MM-DD, e.g. 2026-11-30.`, field);
}

/** V5: snapshots are kept this many days (today included); licenseUsageHistory spans at most as many. */
export const USAGE_HISTORY_DAYS = 400;
/** V5: a seat holder counts as active when their last activity is at most this many days old. */
export const ACTIVE_WITHIN_DAYS = 30;
