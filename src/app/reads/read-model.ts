import { LicenseWant, Subscription, UserLicenseAssignment, UserTrial } from "../../data/entities";
import { LicenseError, LicenseSourceKind, LicenseState } from "../../domain/enums";
import { Catalog } from "../../data/catalog";
import { chainsForUser } from "../../domain/licensing/chains";
import { enabledPlanIds, licenseState, orderSources, SkuFacts, SourceFacts } from "../../domain/licensing/effective";
import { TenantGraph } from "../../data/licensing/graph";
import { grants, prepaidUnits, subscriptionStatus } from "../../domain/licensing/status";
import { BOT_AUTHORING_PLAN } from "../../domain/limits";

const authoringPlan = new WeakMap<Catalog, string | undefined>();

/** S10: the service plan that lets a user create bots (the catalog's plans are shared between SKUs; a catalog never changes). */
export function botAuthoringPlanId(catalog: Catalog): string | undefined {
  if (!authoringPlan.has(catalog)) authoringPlan.set(catalog, catalog.skus.flatMap((s) => catalog.plans(s.id)).find((p) => p.name === BOT_AUTHORING_PLAN)?.id);
  return authoringPlan.get(catalog);
}

/** What the tenant's subscriptions mean right now, per SKU. */
export class TenantLicensing {
  readonly facts = new Map<string, SkuFacts>();
  readonly pools = new Map<string, number>();

  constructor(readonly catalog: Catalog, readonly subscriptions: Subscription[], readonly now: Date) {
    const grantingSku = new Set(subscriptions.filter((s) => grants(subscriptionStatus(s, now))).map((s) => s.skuId));
    for (const sku of catalog.skus) {
      const u = prepaidUnits(subscriptions.filter((s) => s.skuId === sku.id && !s.isTrial), now);
      this.pools.set(sku.id, u.enabled + u.warning);
      this.facts.set(sku.id, {
        granting: grantingSku.has(sku.id),
        dependenciesGrant: catalog.requires(sku.id).every((r) => grantingSku.has(r)),
      });
    }
  }

  skuFacts(skuId: string): SkuFacts {
    return this.facts.get(skuId) ?? { granting: false, dependenciesGrant: false };
  }

  /** Any TENANT-kind SKU grants. */
  hasActiveTenantLicense(): boolean {
    return this.catalog.tenantSkus().some((s) => this.skuFacts(s.id).granting);
  }

  /** Which seat-holding values give `state` for this SKU (for SQL filters). */
  holdsSeatValuesFor(skuId: string, state: LicenseState): boolean[] {
    return [true, false].filter((h) => licenseState(this.skuFacts(skuId), h).state === state);
  }
}

export interface EffectiveLicenseView {
  skuId: string;
  state: LicenseState;
  error: LicenseError;
  holdsSeat: boolean;
  enabledPlanIds: string[];
  sources: SourceFacts[];
  expiresAt: Date | null;
  lastUpdatedAt: Date;
}

export interface UserLicenseInputs {
  directGroupIds: string[];
  direct: UserLicenseAssignment[];
  wants: LicenseWant[];
  trials: UserTrial[];
  /** L1: the user's effective usage location; SKUs not offered there show PROHIBITED_IN_USAGE_LOCATION (L3). */
  usageLocation?: string;
}

/** S9: a trial needs no seat; ACTIVE until it expires, then DISABLED / TRIAL_EXPIRED. */
export function trialLicense(lic: TenantLicensing, t: UserTrial): EffectiveLicenseView {
  const running = lic.now < t.expiresAt;
  return {
    skuId: t.skuId,
    state: running ? LicenseState.ACTIVE : LicenseState.DISABLED,
    error: running ? LicenseError.NONE : LicenseError.TRIAL_EXPIRED,
    holdsSeat: false,
    enabledPlanIds: lic.catalog.planIds(t.skuId),
    sources: [{ kind: LicenseSourceKind.TRIAL, groupId: null, via: [], disabledPlanIds: [], assignedAt: t.startedAt }],
    expiresAt: t.expiresAt,
    lastUpdatedAt: t.startedAt,
  };
}

/** A user's effective licenses (S1, S2, S6, S7, S13), from rows already loaded. */
export function effectiveLicenses(lic: TenantLicensing, graph: TenantGraph, input: UserLicenseInputs): EffectiveLicenseView[] {
  const sourcesBySku = new Map<string, SourceFacts[]>();
  const add = (skuId: string, s: SourceFacts) => sourcesBySku.set(skuId, [...(sourcesBySku.get(skuId) ?? []), s]);
  for (const a of input.direct) {
    add(a.skuId, { kind: LicenseSourceKind.DIRECT, groupId: null, via: [], disabledPlanIds: a.disabledPlanIds, assignedAt: a.assignedAt });
  }
  if (graph.hasAnyAssignment() && input.directGroupIds.length) {
    for (const [groupId, chain] of chainsForUser(input.directGroupIds, graph.chainsFrom)) {
      for (const a of graph.assignmentsOf(groupId)) {
        add(a.skuId, { kind: LicenseSourceKind.GROUP, groupId, via: chain, disabledPlanIds: a.disabledPlanIds, assignedAt: a.assignedAt });
      }
    }
  }
  const wants = new Map(input.wants.map((w) => [w.skuId, w]));
  const trials = new Map(input.trials.map((t) => [t.skuId, t]));
  const out: EffectiveLicenseView[] = [];
  for (const sku of lic.catalog.skus) {
    const trial = trials.get(sku.id);
    if (trial) out.push(trialLicense(lic, trial));
    const sources = sourcesBySku.get(sku.id);
    if (!sources) continue;
    const want = wants.get(sku.id);
    const holdsSeat = want?.holdsSeat ?? false;
    const prohibited = !holdsSeat && input.usageLocation !== undefined && sku.unavailableInCountries.includes(input.usageLocation);
    const st = licenseState(lic.skuFacts(sku.id), holdsSeat, prohibited);
    const ordered = orderSources(sources);
    out.push({
      skuId: sku.id,
      ...st,
      holdsSeat,
      enabledPlanIds: enabledPlanIds(lic.catalog.planIds(sku.id), ordered),
      sources: ordered,
      expiresAt: null,
      lastUpdatedAt: new Date(Math.max(want?.updatedAt.getTime() ?? 0, ...ordered.map((s) => s.assignedAt.getTime()))),
    });
  }
  return out;
}
