import { DataSource } from "typeorm";

const COLUMNS = `u.id, u.user_principal_name, u.upn_key, u.display_name, u.account_enabled, u.roles, u.created_at,
  u.usage_location, u.source, u.external_id, u.deleted_at, u.updated_at, u.last_activity_at, u.reclaim_warning_at,
  t.display_name AS t_display_name, t.allow_ad_hoc_subscriptions AS t_allow, t.created_at AS t_created_at, t.state_version AS t_version,
  t.seat_alert_threshold AS t_threshold, t.default_usage_location AS t_location,
  t.inactive_after_days AS t_inactive_days, t.auto_reclaim AS t_auto_reclaim
  FROM app_user u JOIN tenant t ON t.id = u.tenant_id`;
const SQLITE_SIGN_IN = `SELECT ${COLUMNS} WHERE u.id = ? AND u.tenant_id = ?`;
const PG_SIGN_IN = `SELECT ${COLUMNS} WHERE u.id = $1 AND u.tenant_id = $2`;

export interface SignInRow {
  id: string;
  user_principal_name: string;
  upn_key: string;
  display_name: string;
  account_enabled: boolean | number;
  roles: string | null;
  created_at: string | number;
  usage_location: string | null;
  source: string;
  external_id: string | null;
  deleted_at: string | number | null;
  updated_at: string | number | null;
  last_activity_at: string | number | null;
  reclaim_warning_at: string | number | null;
  t_display_name: string;
  t_allow: boolean | number;
  t_created_at: string | number;
  t_version: string | number;
  t_threshold: string | number;
  t_location: string;
  t_inactive_days: string | number;
  t_auto_reclaim: boolean | number;
}

interface SqliteConnection {
  prepare(sql: string): { get(...params: unknown[]): unknown };
}
interface PgPool {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * One statement on every request: the user, and their tenant with its state version (the cache key of its
 * licensing state). Not tenant-scoped: it is what establishes the tenant. The statement is prepared once per
 * process (better-sqlite3's prepared statement; a named statement on PostgreSQL, parsed and planned once per
 * connection) and goes to the driver without TypeORM's query runner, whose per-query work was a tenth of the hot
 * check's CPU; TypeORM's logger still sees it, so statement counts stay whole.
 */
export function signInReader(ds: DataSource): (oid: string, tid: string) => Promise<SignInRow | undefined> {
  const driver = ds.driver as unknown as { databaseConnection?: SqliteConnection; master?: PgPool };
  if (ds.options.type === "better-sqlite3") {
    let stmt: ReturnType<SqliteConnection["prepare"]> | undefined;
    return async (oid, tid) => {
      ds.logger.logQuery(SQLITE_SIGN_IN, [oid, tid]);
      stmt ??= driver.databaseConnection!.prepare(SQLITE_SIGN_IN);
      return stmt.get(oid, tid) as SignInRow | undefined;
    };
  }
  return async (oid, tid) => {
    ds.logger.logQuery(PG_SIGN_IN, [oid, tid]);
    const { rows } = await driver.master!.query({ name: "license_graph_sign_in", text: PG_SIGN_IN, values: [oid, tid] });
    return rows[0] as SignInRow | undefined;
  };
}
