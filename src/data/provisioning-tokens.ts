import { DataSource } from "typeorm";
import { ProvisioningToken } from "./entities";

const TOKEN_SQL = `SELECT tenant_id, secret_hash, expires_at, revoked_at, last_used_at FROM provisioning_token WHERE id = :id`;

export interface TokenRow {
  tenant_id: string;
  secret_hash: string;
  expires_at: string | number | null;
  revoked_at: string | number | null;
  last_used_at: string | number | null;
}

/**
 * D1: a provisioning token by its ID, on every SCIM request. Plain SQL: through the query builder it cost more
 * than running it. Not tenant-scoped: the token is what names the tenant.
 */
export async function readProvisioningToken(ds: DataSource, id: string): Promise<TokenRow | undefined> {
  const [sql, params] = ds.driver.escapeQueryWithParameters(TOKEN_SQL, { id });
  const [row] = (await ds.query(sql, params)) as TokenRow[];
  return row;
}

/** Outside any tenant write: it bumps no state version and never blocks the request's own transaction. */
export async function touchProvisioningToken(ds: DataSource, id: string, tenantId: string, at: Date): Promise<void> {
  await ds.manager.update(ProvisioningToken, { id, tenantId }, { lastUsedAt: at });
}
