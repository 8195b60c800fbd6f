import { LicenseError, LicenseSourceKind, LicenseState } from "../enums";

export interface SourceFacts {
  kind: LicenseSourceKind;
  /** The group the license is assigned to, for GROUP. */
  groupId: string | null;
  /** S13 chain for GROUP; empty otherwise. */
  via: string[];
  disabledPlanIds: string[];
  assignedAt: Date;
}

export interface SkuFacts {
  /** Some subscription of the SKU grants (ACTIVE or WARNING). */
  granting: boolean;
  /** Every SKU this one requires has a granting subscription. */
  dependenciesGrant: boolean;
}

export interface StateAndError {
  state: LicenseState;
  error: LicenseError;
}

/** S6 (with L3's check after SUBSCRIPTION_INACTIVE), first match wins. */
export function licenseState(sku: SkuFacts, holdsSeat: boolean, prohibited = false): StateAndError {
  if (!sku.granting) return { state: LicenseState.DISABLED, error: LicenseError.SUBSCRIPTION_INACTIVE };
  if (prohibited) return { state: LicenseState.ERROR, error: LicenseError.PROHIBITED_IN_USAGE_LOCATION };
  if (!holdsSeat) return { state: LicenseState.ERROR, error: LicenseError.COUNT_VIOLATION };
  if (!sku.dependenciesGrant) return { state: LicenseState.ERROR, error: LicenseError.DEPENDENCY_VIOLATION };
  return { state: LicenseState.ACTIVE, error: LicenseError.NONE };
}

/**
 * MG2: whether a user's license counts as assigned to them (Graph's `assignedLicenses`, `licenseDetails` and
 * `assignedLicenses/any(…)`): every license they want except one that waits for a seat (COUNT_VIOLATION) or
 * cannot have one where they are (PROHIBITED_IN_USAGE_LOCATION). Those show only in licenseAssignmentStates,
 * as Entra records a group license it could not assign. `listUsers`' `assignedSkuIds` filter is this rule in SQL.
 */
export function countsAsAssigned(v: StateAndError & { holdsSeat: boolean }): boolean {
  return !(v.state === LicenseState.ERROR && !v.holdsSeat);
}

/** S7: the union over sources of (the SKU's plans minus that source's disabled plans), in the SKU's plan order. */
export function enabledPlanIds(skuPlanIds: readonly string[], sources: readonly Pick<SourceFacts, "disabledPlanIds">[]): string[] {
  return skuPlanIds.filter((p) => sources.some((s) => !s.disabledPlanIds.includes(p)));
}

/** Sources in a stable order: direct first, then groups by chain length and group ID. */
export function orderSources<T extends Pick<SourceFacts, "kind" | "groupId" | "via">>(sources: T[]): T[] {
  const rank = (k: LicenseSourceKind) => (k === LicenseSourceKind.DIRECT ? 0 : k === LicenseSourceKind.TRIAL ? 1 : 2);
  return [...sources].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.via.length - b.via.length || String(a.groupId).localeCompare(String(b.groupId)),
  );
}
