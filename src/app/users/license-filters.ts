import type { RequestContext } from "../request/context";
import { LicenseState } from "../../domain/enums";
import type { TenantGraph } from "../../data/licensing/graph";
import { botAuthoringPlanId, TenantLicensing } from "../reads/read-model";

/**
 * The license filters of tenant.users (K3, K8) as conditions on the page's own query (alias `u`): semi-joins on
 * the seat rows, trials and assignments, so a page costs the same statements whatever the filters. Each takes a
 * parameter prefix so that several can share one query.
 */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING: Condition = { sql: "1 = 0", params: {} };

export const not = (c: Condition): Condition => ({ sql: `NOT (${c.sql})`, params: c.params });

/** S6, S9: users with a license in `state` (of `skuId` only, when given), from the seat rows and the trials. */
export function inLicenseState(ctx: RequestContext, lic: TenantLicensing, state: LicenseState, skuId: string | null | undefined, p: string): Condition {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const sku of ctx.catalog.assignable()) {
    if (skuId && skuId !== sku.id) continue;
    const holds = lic.holdsSeatValuesFor(sku.id, state);
    if (!holds.length) continue;
    const i = parts.length;
    params[`${p}s${i}`] = sku.id;
    params[`${p}h${i}`] = holds;
    parts.push(`(${p}w.sku_id = :${p}s${i} AND ${p}w.holds_seat IN (:...${p}h${i}))`);
  }
  const inState = parts.length
    ? [`u.id IN (SELECT ${p}w.user_id FROM license_want ${p}w WHERE ${p}w.tenant_id = :tenantId AND (${parts.join(" OR ")}))`]
    : [];
  // S9: a running trial is ACTIVE, an ended one DISABLED; trials are never in ERROR.
  if (state !== LicenseState.ERROR) {
    const cmp = state === LicenseState.ACTIVE ? ">" : "<=";
    params[`${p}Now`] = lic.now.getTime();
    params[`${p}Trials`] = ctx.catalog.skus.filter((s) => s.isTrial && (!skuId || skuId === s.id)).map((s) => s.id).concat(["-"]);
    inState.push(`u.id IN (SELECT ${p}t.user_id FROM user_trial ${p}t WHERE ${p}t.tenant_id = :tenantId AND ${p}t.sku_id IN (:...${p}Trials) AND ${p}t.expires_at ${cmp} :${p}Now)`);
  }
  return inState.length ? { sql: `(${inState.join(" OR ")})`, params } : NOTHING;
}

/** K8: users with any effective license (every source of a seat SKU has a seat row; trials have their own). */
export function licensed(): Condition {
  return {
    sql: `(u.id IN (SELECT lw.user_id FROM license_want lw WHERE lw.tenant_id = :tenantId)
           OR u.id IN (SELECT lt.user_id FROM user_trial lt WHERE lt.tenant_id = :tenantId))`,
    params: {},
  };
}

const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => "\\" + c);

/**
 * S10 as a condition: account enabled AND (an ACTIVE user license whose sources leave BOT_AUTHORING on, S7, with an
 * active tenant license, OR an ACTIVE trial with BOT_AUTHORING). The same decision as canCreateBotsFrom, in SQL.
 */
export function canCreateBots(ctx: RequestContext, lic: TenantLicensing, graph: TenantGraph, inList: (column: string, name: string) => string, list: (ids: string[]) => unknown): Condition {
  const authoring = botAuthoringPlanId(ctx.catalog);
  if (!authoring) return NOTHING;
  const parts: string[] = [];
  const params: Record<string, unknown> = { cbOn: true, cbEnabled: true };
  const trials = ctx.catalog.skus.filter((s) => s.isTrial && ctx.catalog.planIds(s.id).includes(authoring)).map((s) => s.id);
  if (trials.length) {
    params.cbTrials = trials;
    params.cbNow = lic.now.getTime();
    parts.push(`u.id IN (SELECT ct.user_id FROM user_trial ct WHERE ct.tenant_id = :tenantId AND ct.sku_id IN (:...cbTrials) AND ct.expires_at > :cbNow)`);
  }
  if (lic.hasActiveTenantLicense()) {
    for (const sku of ctx.catalog.assignable()) {
      if (!ctx.catalog.planIds(sku.id).includes(authoring) || !lic.holdsSeatValuesFor(sku.id, LicenseState.ACTIVE).includes(true)) continue;
      const i = parts.length;
      // Groups whose assignment of the SKU leaves the plan on, and every group nested in them: their members have it on.
      const on = new Set<string>();
      for (const g of graph.groupsAssigned(sku.id)) {
        if (graph.assignmentsOf(g).some((a) => a.skuId === sku.id && !a.disabledPlanIds.includes(authoring))) for (const d of graph.descendants(g)) on.add(d);
      }
      params[`cbs${i}`] = sku.id;
      params[`cbp${i}`] = `%"${likeLiteral(authoring)}"%`;
      params[`cbg${i}`] = list([...on]);
      const sources = [
        `u.id IN (SELECT cd.user_id FROM user_license_assignment cd WHERE cd.tenant_id = :tenantId AND cd.sku_id = :cbs${i} AND cd.disabled_plan_ids NOT LIKE :cbp${i} ESCAPE '\\')`,
        ...(on.size ? [`u.id IN (SELECT cg.user_id FROM group_user_member cg WHERE cg.tenant_id = :tenantId AND ${inList("cg.group_id", `cbg${i}`)})`] : []),
      ];
      parts.push(
        `(u.id IN (SELECT cw.user_id FROM license_want cw WHERE cw.tenant_id = :tenantId AND cw.sku_id = :cbs${i} AND cw.holds_seat = :cbOn) AND (${sources.join(" OR ")}))`,
      );
    }
  }
  return parts.length ? { sql: `(u.accountEnabled = :cbEnabled AND (${parts.join(" OR ")}))`, params } : NOTHING;
}
