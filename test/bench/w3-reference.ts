/**
 * W3's reference: the seat allocation of assigning (and removing) a SKU on a group, done as one raw
 * SQL transaction on the bench's own connection. Same rules as the API (S1, S4, S5): new wanters
 * queue last with one new want_seq, ties by user ID; a removal drops the wants of members left
 * without any source and gives the freed seats to the head of the queue; one audit event each.
 */
import { randomUUID } from "node:crypto";
import { prepaidUnits } from "../../src/domain/licensing/status";
import { Sql } from "./lib/sql";

export interface W3Target {
  tenantId: string;
  skuId: string;
  groupId: string;
  actorId: string;
}

const DOWN = `d(g) AS (SELECT CAST(? AS VARCHAR(64)) UNION SELECT n.child_id FROM d CROSS JOIN group_nesting n WHERE n.parent_id = d.g AND n.tenant_id = ?)`;

async function lockTenant(sql: Sql, tenantId: string): Promise<void> {
  if (sql.engine === "postgres") await sql.all("SELECT id FROM tenant WHERE id = ? FOR UPDATE", [tenantId]);
}

/** Restores "holders = the first `pool` wanters in queue order" (S4/S5). */
async function rebalance(sql: Sql, t: W3Target, now: number): Promise<{ granted: number; revoked: number }> {
  const subs = await sql.all<{ quantity: number; ends_at: unknown; canceled_at: unknown }>(
    "SELECT quantity, ends_at, canceled_at FROM subscription WHERE tenant_id = ? AND sku_id = ? AND is_trial = ?", [t.tenantId, t.skuId, sql.bool(false)]);
  const u = prepaidUnits(subs.map((s) => ({
    quantity: Number(s.quantity), isTrial: false,
    endsAt: s.ends_at == null ? null : new Date(Number(s.ends_at)), canceledAt: s.canceled_at == null ? null : new Date(Number(s.canceled_at)),
  })), new Date(now));
  const pool = u.enabled + u.warning;
  const [{ n }] = await sql.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM license_want WHERE tenant_id = ? AND sku_id = ? AND holds_seat = ?", [t.tenantId, t.skuId, sql.bool(true)]);
  const held = Number(n);
  let granted = 0;
  let revoked = 0;
  const flip = (to: boolean, dir: "ASC" | "DESC", limit: number) =>
    sql.run(`UPDATE license_want SET holds_seat = ?, updated_at = ? WHERE tenant_id = ? AND sku_id = ? AND user_id IN (
      SELECT user_id FROM license_want WHERE tenant_id = ? AND sku_id = ? AND holds_seat = ? ORDER BY want_seq ${dir}, user_id ${dir} LIMIT ?)`,
    [sql.bool(to), now, t.tenantId, t.skuId, t.tenantId, t.skuId, sql.bool(!to), limit]);
  if (held < pool) granted = await flip(true, "ASC", pool - held);
  else if (held > pool) revoked = await flip(false, "DESC", held - pool);
  await sql.run("UPDATE seat_pool SET allocated_pool = ? WHERE tenant_id = ? AND sku_id = ?", [pool, t.tenantId, t.skuId]);
  return { granted, revoked };
}

async function audit(sql: Sql, t: W3Target, now: number, details: Record<string, unknown>): Promise<void> {
  await sql.run("INSERT INTO audit_event (id, tenant_id, action, actor_id, target_id, details, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [`evt_${randomUUID()}`, t.tenantId, "ASSIGN_GROUP_LICENSE", t.actorId, t.groupId, JSON.stringify(details), now]);
}

export async function rawAssign(sql: Sql, t: W3Target): Promise<{ wanted: number; granted: number }> {
  const now = Date.now();
  return sql.transaction(async () => {
    await lockTenant(sql, t.tenantId);
    await sql.run("INSERT INTO group_license_assignment (sku_id, group_id, tenant_id, disabled_plan_ids, assigned_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      [t.skuId, t.groupId, t.tenantId, "[]", now, now]);
    const [{ want_seq }] = await sql.all<{ want_seq: number }>("SELECT want_seq FROM seat_pool WHERE tenant_id = ? AND sku_id = ?", [t.tenantId, t.skuId]);
    const seq = Number(want_seq) + 1;
    await sql.run("UPDATE seat_pool SET want_seq = ? WHERE tenant_id = ? AND sku_id = ?", [seq, t.tenantId, t.skuId]);
    const wanted = await sql.run(`WITH RECURSIVE ${DOWN}
      INSERT INTO license_want (user_id, sku_id, tenant_id, want_seq, wanted_since, holds_seat, updated_at, idle_since)
      SELECT DISTINCT m.user_id, CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BOOLEAN), CAST(? AS BIGINT), CAST(? AS BIGINT)
      FROM d CROSS JOIN group_user_member m
      WHERE m.group_id = d.g AND m.tenant_id = ?
        AND NOT EXISTS (SELECT 1 FROM license_want w WHERE w.user_id = m.user_id AND w.sku_id = ? AND w.tenant_id = ?)`,
    [t.groupId, t.tenantId, t.skuId, t.tenantId, seq, now, sql.bool(false), now, now, t.tenantId, t.skuId, t.tenantId]);
    const { granted } = await rebalance(sql, t, now);
    await audit(sql, t, now, { changes: [{ op: "add" }], seatChanges: { wanted, granted } });
    return { wanted, granted };
  });
}

export async function rawRemove(sql: Sql, t: W3Target): Promise<{ released: number; granted: number }> {
  const now = Date.now();
  return sql.transaction(async () => {
    await lockTenant(sql, t.tenantId);
    await sql.run("DELETE FROM group_license_assignment WHERE tenant_id = ? AND group_id = ? AND sku_id = ?", [t.tenantId, t.groupId, t.skuId]);
    // Members of the group (any depth) who keep no other source: a direct assignment, or membership in a group
    // at or below a group that still has the SKU assigned (`lic`: a few groups, walked down once).
    const released = await sql.run(`WITH RECURSIVE ${DOWN},
      aff(u) AS (SELECT DISTINCT m.user_id FROM d CROSS JOIN group_user_member m WHERE m.group_id = d.g AND m.tenant_id = ?),
      lic(g) AS (
        SELECT a.group_id FROM group_license_assignment a WHERE a.tenant_id = ? AND a.sku_id = ?
        UNION
        SELECT n.child_id FROM lic CROSS JOIN group_nesting n WHERE n.parent_id = lic.g AND n.tenant_id = ?),
      keep(u) AS (
        SELECT m.user_id FROM aff CROSS JOIN group_user_member m WHERE m.user_id = aff.u AND m.tenant_id = ? AND m.group_id IN (SELECT g FROM lic)
        UNION
        SELECT x.user_id FROM aff CROSS JOIN user_license_assignment x WHERE x.sku_id = ? AND x.user_id = aff.u AND x.tenant_id = ?)
      DELETE FROM license_want WHERE tenant_id = ? AND sku_id = ? AND user_id IN (SELECT u FROM aff EXCEPT SELECT u FROM keep)`,
    [t.groupId, t.tenantId, t.tenantId, t.tenantId, t.skuId, t.tenantId, t.tenantId, t.skuId, t.tenantId, t.tenantId, t.skuId]);
    const { granted } = await rebalance(sql, t, now);
    await audit(sql, t, now, { changes: [{ op: "remove" }], seatChanges: { released, granted } });
    return { released, granted };
  });
}
