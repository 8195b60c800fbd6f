/** The words for license states and errors, shared by the users list, the flyout and the explanation. */

export const STATE_WORDS: Record<string, string> = { ACTIVE: "Active", ERROR: "Error", DISABLED: "Disabled" };

/** Short form for a table cell. */
export const ERROR_SHORT: Record<string, string> = {
  NONE: "",
  COUNT_VIOLATION: "no free seat",
  DEPENDENCY_VIOLATION: "tenant license missing",
  SUBSCRIPTION_INACTIVE: "no active subscription",
  TRIAL_EXPIRED: "trial expired",
  PROHIBITED_IN_USAGE_LOCATION: "not offered in the usage location",
};

export interface Pool {
  consumedUnits: number;
  availableUnits: number;
  unassignedDemand: number;
  prepaidUnits: { enabled: number; warning: number };
}

export interface Explained {
  /** What is wrong, in one sentence. */
  what: string;
  /** What to do about it. */
  todo: string;
}

/** The long form for the "Why can't this user build bots?" panel, per effective license error (S6, S9, L3). */
export function explainError(
  error: string,
  ctx: { name: string; sku: string; requires: string[]; pool?: Pool; expiresAt?: string | null },
): Explained | null {
  const tenantLicense = ctx.requires.length ? ctx.requires.join(", ") : "the tenant license";
  switch (error) {
    case "NONE":
      return null;
    case "COUNT_VIOLATION": {
      const p = ctx.pool;
      const figures = p
        ? ` All ${(p.prepaidUnits.enabled + p.prepaidUnits.warning).toLocaleString()} seats are taken, and ${p.unassignedDemand.toLocaleString()} ${p.unassignedDemand === 1 ? "person is" : "people are"} waiting for one.`
        : "";
      return {
        what: `The pool of ${ctx.sku} is full: ${ctx.name} wants a license but holds no seat (COUNT_VIOLATION).${figures}`,
        todo: `Buy more seats, or free one by removing the license from someone who no longer needs it. ${ctx.name} then gets a seat automatically, in the order people asked for one.`,
      };
    }
    case "DEPENDENCY_VIOLATION":
      return {
        what: `${ctx.sku} needs ${tenantLicense}, and the organization has no active subscription of it (DEPENDENCY_VIOLATION). ${ctx.name} keeps the seat meanwhile.`,
        todo: `Buy or renew ${tenantLicense}.`,
      };
    case "SUBSCRIPTION_INACTIVE":
      return {
        what: `No subscription of ${ctx.sku} is active: none was bought, or all are suspended or deleted (SUBSCRIPTION_INACTIVE).`,
        todo: `Buy ${ctx.sku} or renew the suspended subscription.`,
      };
    case "TRIAL_EXPIRED":
      return {
        what: `The trial ended${ctx.expiresAt ? ` on ${new Date(ctx.expiresAt).toLocaleDateString()}` : ""} (TRIAL_EXPIRED).`,
        todo: `${ctx.name} can extend it once, by 30 days, by starting the trial again; or assign a paid user license.`,
      };
    case "PROHIBITED_IN_USAGE_LOCATION":
      return {
        what: `${ctx.sku} is not offered in ${ctx.name}'s usage location (PROHIBITED_IN_USAGE_LOCATION).`,
        todo: "Set a usage location where it is offered, on the user or as the organization's default.",
      };
    default:
      return { what: `${ctx.sku} is in error (${error}).`, todo: "Contact support with this code." };
  }
}
