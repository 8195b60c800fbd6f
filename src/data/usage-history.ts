import type { DataSource } from "typeorm";
import type { TenantDb } from "./tenant-db";
import type { Database, OperationLock } from "./database";

/** V5: one SKU's figures on one day, as stored. */
export interface UsageDay {
  skuId: string;
  day: string;
  enabled: number;
  warning: number;
  consumed: number;
  waiting: number;
  activeHolders: number;
}

interface Row {
  sku_id: string;
  day: string;
  enabled: number | string;
  warning: number | string;
  consumed: number | string;
  waiting: number | string;
  active_holders: number | string;
}

/**
 * V5: the day's snapshots of this tenant, one row per SKU; a row already there (another instance came first) is
 * left as it is. One statement.
 */
export async function insertUsageDays(db: TenantDb, rows: UsageDay[], takenAt: Date): Promise<void> {
  if (!rows.length) return;
  const params: Record<string, unknown> = { at: takenAt.getTime() };
  const values = rows.map((r, i) => {
    Object.assign(params, { [`s${i}`]: r.skuId, [`d${i}`]: r.day, [`e${i}`]: r.enabled, [`w${i}`]: r.warning, [`c${i}`]: r.consumed, [`q${i}`]: r.waiting, [`a${i}`]: r.activeHolders });
    return `(:tid, :s${i}, :d${i}, :e${i}, :w${i}, :c${i}, :q${i}, :a${i}, :at)`;
  });
  await db.sql(
    `INSERT INTO license_usage_day (tenant_id, sku_id, day, enabled, warning, consumed, waiting, active_holders, taken_at)
     VALUES ${values.join(", ")} ON CONFLICT (tenant_id, sku_id, day) DO NOTHING`,
    params,
  );
}

/** V5: a SKU's stored days from `from` to `to` (YYYY-MM-DD, both included), oldest first. */
export async function usageDays(db: TenantDb, skuId: string, from: string, to: string): Promise<UsageDay[]> {
  const rows = await db.sql<Row>(
    `SELECT sku_id, day, enabled, warning, consumed, waiting, active_holders FROM license_usage_day
     WHERE tenant_id = :tid AND sku_id = :sku AND day >= :from AND day <= :to ORDER BY day`,
    { sku: skuId, from, to },
  );
  return rows.map((r) => ({
    skuId: r.sku_id, day: r.day, enabled: Number(r.enabled), warning: Number(r.warning), consumed: Number(r.consumed),
    waiting: Number(r.waiting), activeHolders: Number(r.active_holders),
  }));
}

/** V5: per SKU, the seat holders whose last stored activity (V3) is at or after `since`. One statement. */
export async function activeSeatHolders(db: TenantDb, since: Date): Promise<Map<string, number>> {
  const rows = await db.sql<{ sku_id: string; n: number | string }>(
    `SELECT w.sku_id, COUNT(*) AS n FROM license_want w JOIN app_user u ON u.tenant_id = w.tenant_id AND u.id = w.user_id
     WHERE w.tenant_id = :tid AND w.holds_seat = :yes AND u.last_activity_at >= :since GROUP BY w.sku_id`,
    { yes: true, since: since.getTime() },
  );
  return new Map(rows.map((r) => [r.sku_id, Number(r.n)]));
}

/** V6: the last stored activity (V3) of these users (absent: none recorded), one statement for the whole batch. */
export async function lastActivityOf(db: TenantDb, userIds: readonly string[]): Promise<Map<string, Date>> {
  if (!userIds.length) return new Map();
  const rows = await db.sql<{ id: string; at: number | string }>(
    `SELECT u.id, u.last_activity_at AS at FROM app_user u WHERE u.tenant_id = :tid AND u.last_activity_at IS NOT NULL AND ${db.inList("u.id", "ids")}`,
    { ids: db.list(userIds) },
  );
  return new Map(rows.map((r) => [r.id, new Date(Number(r.at))]));
}

export interface UserRow {
  id: string;
  user_principal_name: string;
  display_name: string;
  account_enabled: boolean | number;
  usage_location: string | null;
}

/** V6: the next batch of the tenant's users in ID order after `after` (keyset paging). One statement. */
export function exportUserBatch(db: TenantDb, after: string, size: number): Promise<UserRow[]> {
  return db.sql<UserRow>(
    `SELECT id, user_principal_name, display_name, account_enabled, usage_location FROM app_user
     WHERE tenant_id = :tid AND deleted_at IS NULL AND id > :after ORDER BY id LIMIT ${Math.floor(size)}`,
    { after },
  );
}

/** SQL outside any tenant (the daily pass's own bookkeeping); named parameters as in TenantDb.sql. */
async function plain<R>(ds: DataSource, text: string, params: Record<string, unknown>): Promise<R[]> {
  const [q, p] = ds.driver.escapeQueryWithParameters(text, params);
  const out = await ds.query(q, p);
  return Array.isArray(out) ? (out as R[]) : [];
}

/**
 * The bookkeeping of daily passes (V5; V4's reclamation pass can use the same): which days a pass has finished,
 * the tenants to visit, and the retention of old snapshots. On SQLite every statement runs holding the operation
 * lock (`lock`), as requests do.
 */
export class DailyJobs {
  constructor(private readonly database: Database) {}

  private run<T>(lock: OperationLock, fn: (ds: DataSource) => Promise<T>): Promise<T> {
    return lock.run(() => fn(this.database.ds));
  }

  async finished(lock: OperationLock, job: string, day: string): Promise<boolean> {
    const rows = await this.run(lock, (ds) => plain(ds, `SELECT 1 AS one FROM daily_job_run WHERE job = :job AND day = :day`, { job, day }));
    return rows.length > 0;
  }

  async markFinished(lock: OperationLock, job: string, day: string, at: Date): Promise<void> {
    await this.run(lock, (ds) =>
      plain(ds, `INSERT INTO daily_job_run (job, day, finished_at) VALUES (:job, :day, :at) ON CONFLICT (job, day) DO NOTHING`, { job, day, at: at.getTime() }),
    );
  }

  /** Tenant IDs after `after`, in ID order, at most `limit`. */
  async tenantIds(lock: OperationLock, after: string | null, limit: number): Promise<string[]> {
    const rows = await this.run(lock, (ds) =>
      plain<{ id: string }>(ds, `SELECT id FROM tenant WHERE id > :after ORDER BY id LIMIT ${Math.floor(limit)}`, { after: after ?? "" }),
    );
    return rows.map((r) => r.id);
  }

  /** V5: snapshots of days before `firstKept` go, every tenant's (one statement). */
  async pruneUsageDays(lock: OperationLock, firstKept: string): Promise<void> {
    await this.run(lock, (ds) => plain(ds, `DELETE FROM license_usage_day WHERE day < :day`, { day: firstKept }));
  }
}
