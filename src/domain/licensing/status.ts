import { DAY_MS } from "../clock";
import { SubscriptionStatus } from "../enums";

export const GRACE_DAYS = 30;
export const SUSPENDED_DAYS = 90;

export interface SubscriptionTimes {
  endsAt: Date | null;
  canceledAt: Date | null;
  isTrial: boolean;
}

/** P6: status follows from the clock; nothing needs a job to cross a boundary. */
export function subscriptionStatus(s: SubscriptionTimes, now: Date): SubscriptionStatus {
  const t = now.getTime();
  if (s.canceledAt) {
    return t < s.canceledAt.getTime() + SUSPENDED_DAYS * DAY_MS ? SubscriptionStatus.SUSPENDED : SubscriptionStatus.DELETED;
  }
  if (!s.endsAt || t < s.endsAt.getTime()) return SubscriptionStatus.ACTIVE;
  const graceEnd = s.endsAt.getTime() + (s.isTrial ? 0 : GRACE_DAYS * DAY_MS);
  if (t < graceEnd) return SubscriptionStatus.WARNING;
  if (t < graceEnd + SUSPENDED_DAYS * DAY_MS) return SubscriptionStatus.SUSPENDED;
  return SubscriptionStatus.DELETED;
}

/**
 * P6: the first instant after `now` at which subscriptionStatus(s, ·) changes (Infinity: never). What was derived
 * from a subscription's status at `now` holds until then.
 */
export function nextStatusChange(s: SubscriptionTimes, now: Date): number {
  let boundaries: number[] = [];
  if (s.canceledAt) boundaries = [s.canceledAt.getTime() + SUSPENDED_DAYS * DAY_MS];
  else if (s.endsAt) {
    const graceEnd = s.endsAt.getTime() + (s.isTrial ? 0 : GRACE_DAYS * DAY_MS);
    boundaries = [s.endsAt.getTime(), graceEnd, graceEnd + SUSPENDED_DAYS * DAY_MS];
  }
  return Math.min(Infinity, ...boundaries.filter((b) => b > now.getTime()));
}

export function grants(status: SubscriptionStatus): boolean {
  return status === SubscriptionStatus.ACTIVE || status === SubscriptionStatus.WARNING;
}

export interface PrepaidUnits {
  enabled: number;
  warning: number;
  suspended: number;
}

/** P7: the pool of a SKU is enabled + warning over its paid subscriptions. */
export function prepaidUnits(subs: (SubscriptionTimes & { quantity: number })[], now: Date): PrepaidUnits {
  const u = { enabled: 0, warning: 0, suspended: 0 };
  for (const s of subs) {
    const st = subscriptionStatus(s, now);
    if (st === SubscriptionStatus.ACTIVE) u.enabled += s.quantity;
    else if (st === SubscriptionStatus.WARNING) u.warning += s.quantity;
    else if (st === SubscriptionStatus.SUSPENDED) u.suspended += s.quantity;
  }
  return u;
}

/**
 * C1 for a month: the status a subscription had at `at` — not yet started is not granting, and a cancellation
 * made after `at` had not happened yet. (Quantities are today's; their history is in the audit log.)
 */
export function grantedAt(s: SubscriptionTimes & { startsAt: Date }, at: Date): boolean {
  if (s.startsAt.getTime() > at.getTime()) return false;
  const canceledAt = s.canceledAt && s.canceledAt.getTime() <= at.getTime() ? s.canceledAt : null;
  return grants(subscriptionStatus({ ...s, canceledAt }, at));
}

/** The instant a month's capacity is read at: its last millisecond, or now while the month runs (or is ahead). */
export function monthReadingInstant(period: string, now: Date): Date {
  const [y, m] = period.split("-").map(Number);
  const end = new Date(Date.UTC(y, m, 1) - 1);
  return end.getTime() < now.getTime() ? end : now;
}
