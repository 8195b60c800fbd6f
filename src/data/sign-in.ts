import { DataSource } from "typeorm";

const SIGN_IN_SQL = `SELECT u.id, u.user_principal_name, u.upn_key, u.display_name, u.account_enabled, u.roles, u.created_at,
  u.usage_location, u.source, u.external_id, u.deleted_at, u.updated_at,
  t.display_name AS t_display_name, t.allow_ad_hoc_subscriptions AS t_allow, t.created_at AS t_created_at, t.state_version AS t_version,
  t.seat_alert_threshold AS t_threshold, t.default_usage_location AS t_location
  FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.id = :oid AND u.tenant_id = :tid`;

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
  t_display_name: string;
  t_allow: boolean | number;
  t_created_at: string | number;
  t_version: string | number;
  t_threshold: string | number;
  t_location: string;
}

/**
 * One statement on every request: the user, and their tenant with its state version (the cache key of its
 * licensing state). Plain SQL: building it through the query builder cost more than running it.
 * Not tenant-scoped: it is what establishes the tenant.
 */
export async function readSignIn(ds: DataSource, oid: string, tid: string): Promise<SignInRow | undefined> {
  const [sql, params] = ds.driver.escapeQueryWithParameters(SIGN_IN_SQL, { oid, tid });
  const [row] = (await ds.query(sql, params)) as SignInRow[];
  return row;
}
