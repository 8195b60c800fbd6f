import type { RequestContext } from "../request/context";
import { LicenseState } from "../../domain/enums";
import type { TenantGraph } from "../../data/licensing/graph";
import { accountEnabled, allOf, anyOf, anySeatRow, assignedWithPlanOn, Condition, directMemberOf, hasTrial, NOTHING, wantsSeat } from "../../data/user-conditions";
import { botAuthoringPlanId, TenantLicensing } from "../reads/read-model";

/**
 * The license filters of tenant.users (K3, K8): the rules decide which seat rows, trials and sources answer, the data
 * layer's conditions (data/user-conditions.ts) say it in SQL on the page's own query.
 */
/** S6, S9: users with a license in `state` (of `skuId` only, when given), from the seat rows and the trials. */
export function inLicenseState(ctx: RequestContext, lic: TenantLicensing, state: LicenseState, skuId: string | null | undefined, p: string): Condition {
  const wants = ctx.catalog.assignable().filter((s) => !skuId || skuId === s.id).map((s) => ({ skuId: s.id, holds: lic.holdsSeatValuesFor(s.id, state) }));
  // S9: a running trial is ACTIVE, an ended one DISABLED; trials are never in ERROR.
  if (state === LicenseState.ERROR) return wantsSeat(p, wants);
  const trials = ctx.catalog.skus.filter((s) => s.isTrial && (!skuId || skuId === s.id)).map((s) => s.id);
  return anyOf(wantsSeat(p, wants), hasTrial(p, trials, { running: state === LicenseState.ACTIVE, now: lic.now.getTime() }));
}

/** K8: users with any effective license (every source of a seat SKU has a seat row; trials have their own). */
export const licensed = (): Condition => anyOf(anySeatRow("lw"), hasTrial("lt", null));

/** K3: users whose license of the SKU counts as assigned: a seat held; any seat row while the SKU grants nothing (DISABLED); a trial. */
export function assignedSku(lic: TenantLicensing, skuId: string, p: string): Condition {
  const holds = lic.skuFacts(skuId).granting ? [true] : [true, false];
  return anyOf(wantsSeat(p, [{ skuId, holds }]), hasTrial(p, [skuId]));
}

/** Users with a source of the SKU, in any state. */
export const withSku = (skuId: string, p: string): Condition => anyOf(wantsSeat(p, [{ skuId, holds: [true, false] }]), hasTrial(p, [skuId]));

/**
 * S10 as a condition: account enabled AND (an ACTIVE user license whose sources leave BOT_AUTHORING on, S7, with an
 * active tenant license, OR an ACTIVE trial with BOT_AUTHORING). The same decision as canCreateBotsFrom, in SQL.
 */
export function canCreateBots(ctx: RequestContext, lic: TenantLicensing, graph: TenantGraph): Condition {
  const authoring = botAuthoringPlanId(ctx.catalog);
  if (!authoring) return NOTHING;
  const trials = ctx.catalog.skus.filter((s) => s.isTrial && ctx.catalog.planIds(s.id).includes(authoring)).map((s) => s.id);
  const ways: Condition[] = [hasTrial("ct", trials, { running: true, now: lic.now.getTime() })];
  if (lic.hasActiveTenantLicense()) {
    for (const sku of ctx.catalog.assignable()) {
      if (!ctx.catalog.planIds(sku.id).includes(authoring) || !lic.holdsSeatValuesFor(sku.id, LicenseState.ACTIVE).includes(true)) continue;
      const i = ways.length;
      // Groups whose assignment of the SKU leaves the plan on, and every group nested in them: their members have it on.
      const on = new Set<string>();
      for (const g of graph.groupsAssigned(sku.id)) {
        if (graph.assignmentsOf(g).some((a) => a.skuId === sku.id && !a.disabledPlanIds.includes(authoring))) for (const d of graph.descendants(g)) on.add(d);
      }
      const source = anyOf(assignedWithPlanOn(`cd${i}`, sku.id, authoring), directMemberOf(ctx.db, `cg${i}`, [...on]));
      ways.push(allOf(wantsSeat(`cw${i}`, [{ skuId: sku.id, holds: [true] }]), source));
    }
  }
  return allOf(accountEnabled("cb"), anyOf(...ways));
}
