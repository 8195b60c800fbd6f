import type { TenantDb } from "../tenant-db";
import { instantOf as instant } from "../entities/columns";

/** V4: a seat holder of one SKU, with what the reclamation decisions need. */
export interface HolderRow {
  userId: string;
  lastActivityAt: Date | null;
  reclaimWarningAt: Date | null;
  /** A direct assignment of the SKU. */
  direct: boolean;
  /** A group assignment reaches the user (they keep the SKU without the direct one). */
  grouped: boolean;
}

interface RawHolder {
  user_id: string;
  last_activity_at: string | number | null;
  reclaim_warning_at: string | number | null;
  direct: string | number | boolean;
  grouped: string | number | boolean;
}

const row = (r: RawHolder): HolderRow => ({
  userId: r.user_id, lastActivityAt: instant(r.last_activity_at), reclaimWarningAt: instant(r.reclaim_warning_at),
  direct: Number(r.direct) === 1 || r.direct === true, grouped: Number(r.grouped) === 1 || r.grouped === true,
});

/**
 * Idle since `:cutoff`, and not among `:active` (users whose activity an instance holds and has not written yet).
 * The COALESCE is ix_app_user_idle's expression, so the passes read the idle users from that index (the count reads
 * license_want's idle_since, countInactiveHolders).
 * `byId`: a page in ID order instead walks the users by ID until it has its rows; SQLite (no statistics) would take
 * the idle index and sort every idle holder, looking up each one's row (115 ms instead of 0.3 ms for 20,000 at
 * 100,000 users), so there the unary + keeps the term off the index. PostgreSQL chooses from its statistics.
 */
const idle = (db: TenantDb, byId = false) =>
  `${byId && db.engine === "sqlite" ? "+" : ""}COALESCE(u.last_activity_at, u.created_at) <= :cutoff AND w.wanted_since <= :cutoff AND NOT (${db.inList("u.id", "active")})`;

/**
 * `:groups` can be every group of a large tenant (1,022 at 100,000 users). As `= ANY(:groups)` PostgreSQL's planner
 * weighs each element against the column's statistics (14 ms of planning for a 3 ms page); as a set it does not.
 */
const inGroups = (db: TenantDb) => (db.engine === "postgres" ? "m.group_id IN (SELECT unnest(CAST(:groups AS varchar[])))" : db.inList("m.group_id", "groups"));

/** Per holder `p.user_id`: whether a direct assignment of `:sku` and whether a group assignment (`:groups`) reaches them. */
const flags = (db: TenantDb) => `CASE WHEN EXISTS (SELECT 1 FROM user_license_assignment a WHERE a.tenant_id = :tid AND a.user_id = p.user_id AND a.sku_id = :sku) THEN 1 ELSE 0 END AS direct,
        CASE WHEN EXISTS (SELECT 1 FROM group_user_member m WHERE m.tenant_id = :tid AND m.user_id = p.user_id AND ${inGroups(db)}) THEN 1 ELSE 0 END AS grouped`;

/**
 * V4: seat holders of `:sku` idle since `:cutoff`: no activity since then (a user never active counts from their
 * creation), and wanting the SKU since before it (a license given recently is never reported). Selects `user_id`,
 * `last_activity_at`, `reclaim_warning_at`; `flags` adds the rest around it.
 */
function holders(db: TenantDb, byId = false): string {
  return `SELECT u.id AS user_id, u.last_activity_at, u.reclaim_warning_at
      FROM app_user u JOIN license_want w ON w.tenant_id = u.tenant_id AND w.user_id = u.id
      WHERE u.tenant_id = :tid AND w.sku_id = :sku AND w.holds_seat = :held AND u.deleted_at IS NULL
        AND ${idle(db, byId)}`;
}

/**
 * One page of inactive holders in user ID order, after `afterId`. `groupIds`: every group a group assignment of the SKU reaches.
 * The flags are worked out outside the LIMIT, for the page's rows only: inside it PostgreSQL plans them for every
 * idle holder and runs them as hashed subplans that read every direct assignment of the SKU and every membership
 * of the reaching groups first (50 ms of the 51 at 100,000 users).
 */
export async function inactiveHolderPage(
  db: TenantDb, skuId: string, cutoff: Date, groupIds: string[], activeIds: string[], afterId: string | null, limit: number,
): Promise<HolderRow[]> {
  const page = `${holders(db, true)} ${afterId === null ? "" : "AND u.id > :after"} ORDER BY u.id LIMIT ${Math.floor(limit)}`;
  const rows = await db.sql<RawHolder>(`SELECT p.user_id, p.last_activity_at, p.reclaim_warning_at, ${flags(db)} FROM (${page}) p ORDER BY p.user_id`, {
    groups: db.list(groupIds), held: true, active: db.list(activeIds), sku: skuId, cutoff: cutoff.getTime(), after: afterId,
  });
  return rows.map(row);
}

/**
 * V4: how many seat holders of `:sku` are idle since `:cutoff`, counted on license_want alone: its `idle_since` is the
 * later of the user's COALESCE(last_activity_at, created_at) and wanted_since (the two conditions of `idle`), so the
 * count is one range of ix_license_want_idle (deleted users have no wants, D7). As a join with app_user, PostgreSQL's
 * plan for the 20,000 idle users of 100,000 followed the bloat of ix_app_user_idle (parallel hash join, 40–110 ms).
 */
export async function countInactiveHolders(db: TenantDb, skuId: string, cutoff: Date, activeIds: string[]): Promise<number> {
  const [r] = await db.sql<{ n: string | number }>(
    `SELECT COUNT(*) AS n FROM license_want w
     WHERE w.tenant_id = :tid AND w.sku_id = :sku AND w.holds_seat = :held AND w.idle_since <= :cutoff AND NOT (${db.inList("w.user_id", "active")})`,
    { sku: skuId, held: true, cutoff: cutoff.getTime(), active: db.list(activeIds) },
  );
  return Number(r?.n ?? 0);
}

/** Every inactive holder of the SKU (the automatic pass), or only those among `userIds` (reclaimLicenses). */
export async function inactiveHolders(db: TenantDb, skuId: string, cutoff: Date, groupIds: string[], activeIds: string[], userIds?: string[]): Promise<HolderRow[]> {
  const sel = `${holders(db)} ${userIds ? `AND ${db.inList("u.id", "ids")}` : ""}`;
  const rows = await db.sql<RawHolder>(`SELECT p.user_id, p.last_activity_at, p.reclaim_warning_at, ${flags(db)} FROM (${sel}) p`, {
    groups: db.list(groupIds), held: true, active: db.list(activeIds), sku: skuId, cutoff: cutoff.getTime(), ids: userIds ? db.list(userIds) : undefined,
  });
  return rows.map(row);
}

/** V4: sets (or with null clears) the reclamation warning of these users. */
export async function setReclaimWarning(db: TenantDb, userIds: string[], at: Date | null): Promise<void> {
  if (!userIds.length) return;
  await db.sql(`UPDATE app_user SET reclaim_warning_at = :at WHERE tenant_id = :tid AND ${db.inList("id", "ids")}`, {
    at: at?.getTime() ?? null, ids: db.list(userIds),
  });
}

/** V4: warnings that are over: the user was active after it, or (with `dueBefore`) it was given before that instant. */
export async function clearSpentWarnings(db: TenantDb, dueBefore?: Date): Promise<string[]> {
  const rows = await db.sql<{ id: string }>(
    `SELECT id FROM app_user WHERE tenant_id = :tid AND reclaim_warning_at IS NOT NULL
       AND (last_activity_at > reclaim_warning_at ${dueBefore ? "OR reclaim_warning_at <= :due" : ""})`,
    { due: dueBefore?.getTime() },
  );
  await setReclaimWarning(db, rows.map((r) => r.id), null);
  return rows.map((r) => r.id);
}

/** V4: every warning of the tenant goes (the automatic pass was turned off). */
export async function clearAllWarnings(db: TenantDb): Promise<void> {
  await db.sql(`UPDATE app_user SET reclaim_warning_at = NULL WHERE tenant_id = :tid AND reclaim_warning_at IS NOT NULL`);
}

/** V4: claims the day's pass for this tenant; false when another instance (or an earlier run) has it. */
export async function claimReclaimPass(db: TenantDb, day: string, at: Date): Promise<boolean> {
  const rows = await db.sql<{ tenant_id: string }>(
    `INSERT INTO reclaim_pass (tenant_id, day, ran_at, warned, reclaimed) VALUES (:tid, :day, :at, 0, 0)
     ON CONFLICT (tenant_id, day) DO NOTHING RETURNING tenant_id`,
    { day, at: at.getTime() },
  );
  return rows.length === 1;
}

export async function recordReclaimPass(db: TenantDb, day: string, warned: number, reclaimed: number): Promise<void> {
  await db.sql(`UPDATE reclaim_pass SET warned = :warned, reclaimed = :reclaimed WHERE tenant_id = :tid AND day = :day`, { day, warned, reclaimed });
}
