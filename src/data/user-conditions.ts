import type { TenantDb } from "./tenant-db";

/**
 * Conditions on a users page's own query (alias `u`, built by TenantDb.qb, which binds `:tenantId`): semi-joins on
 * the seat rows, trials, assignments and memberships, so a page costs the same statements whatever the filters.
 * The rules decide what to ask (app/users/license-filters.ts); the table names and the tenant's scope live here.
 * Each takes a parameter prefix so that several can share one query.
 */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

export const NOTHING: Condition = { sql: "1 = 0", params: {} };

export const not = (c: Condition): Condition => ({ sql: `NOT (${c.sql})`, params: c.params });

function join(op: "AND" | "OR", cs: Condition[]): Condition {
  if (!cs.length) return NOTHING;
  if (cs.length === 1) return cs[0];
  return { sql: `(${cs.map((c) => c.sql).join(` ${op} `)})`, params: Object.assign({}, ...cs.map((c) => c.params)) };
}

/** NOTHING drops out of an OR, and makes an AND nothing. */
export const anyOf = (...cs: Condition[]): Condition => join("OR", cs.filter((c) => c !== NOTHING));
export const allOf = (...cs: Condition[]): Condition => (cs.includes(NOTHING) ? NOTHING : join("AND", cs));

/** Users with a seat row of one of these SKUs whose `holds_seat` is one of the values given for it. */
export function wantsSeat(p: string, wants: { skuId: string; holds: boolean[] }[]): Condition {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const w of wants) {
    if (!w.holds.length) continue;
    const i = parts.length;
    params[`${p}s${i}`] = w.skuId;
    params[`${p}h${i}`] = w.holds;
    parts.push(`(${p}w.sku_id = :${p}s${i} AND ${p}w.holds_seat IN (:...${p}h${i}))`);
  }
  if (!parts.length) return NOTHING;
  return { sql: `u.id IN (SELECT ${p}w.user_id FROM license_want ${p}w WHERE ${p}w.tenant_id = :tenantId AND (${parts.join(" OR ")}))`, params };
}

/** Users with any seat row at all. */
export const anySeatRow = (p: string): Condition => ({
  sql: `u.id IN (SELECT ${p}w.user_id FROM license_want ${p}w WHERE ${p}w.tenant_id = :tenantId)`,
  params: {},
});

/** Users with a trial of one of these SKUs (any when `skuIds` is null), running or ended at `at` when asked. */
export function hasTrial(p: string, skuIds: string[] | null, at?: { running: boolean; now: number }): Condition {
  if (skuIds && !skuIds.length) return NOTHING;
  const params: Record<string, unknown> = {};
  const where = [`${p}t.tenant_id = :tenantId`];
  if (skuIds) {
    params[`${p}Trials`] = skuIds;
    where.push(`${p}t.sku_id IN (:...${p}Trials)`);
  }
  if (at) {
    params[`${p}Now`] = at.now;
    where.push(`${p}t.expires_at ${at.running ? ">" : "<="} :${p}Now`);
  }
  return { sql: `u.id IN (SELECT ${p}t.user_id FROM user_trial ${p}t WHERE ${where.join(" AND ")})`, params };
}

const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => "\\" + c);

/** Users with a direct assignment of the SKU that leaves the plan on (S7). */
export function assignedWithPlanOn(p: string, skuId: string, planId: string): Condition {
  return {
    sql: `u.id IN (SELECT ${p}d.user_id FROM user_license_assignment ${p}d WHERE ${p}d.tenant_id = :tenantId AND ${p}d.sku_id = :${p}Sku AND ${p}d.disabled_plan_ids NOT LIKE :${p}Plan ESCAPE '\\')`,
    params: { [`${p}Sku`]: skuId, [`${p}Plan`]: `%"${likeLiteral(planId)}"%` },
  };
}

/** Direct members of any of these groups (the whole list one bound parameter, whatever its length). */
export function directMemberOf(db: TenantDb, p: string, groupIds: readonly string[]): Condition {
  if (!groupIds.length) return NOTHING;
  return {
    sql: `u.id IN (SELECT ${p}g.user_id FROM group_user_member ${p}g WHERE ${p}g.tenant_id = :tenantId AND ${db.inList(`${p}g.group_id`, `${p}Groups`)})`,
    params: { [`${p}Groups`]: db.list(groupIds) },
  };
}

export const accountEnabled = (p: string): Condition => ({ sql: `u.accountEnabled = :${p}Enabled`, params: { [`${p}Enabled`]: true } });

/** Rows of alias `r` whose `requester_id` is still a user of the tenant (a user deleted outright leaves none behind). */
export const requesterExists = (r: string): string =>
  `EXISTS (SELECT 1 FROM app_user ${r}u WHERE ${r}u.tenant_id = ${r}.tenant_id AND ${r}u.id = ${r}.requester_id)`;
