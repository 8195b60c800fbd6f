import type { TenantDb } from "../tenant-db";

/** S11: users directly in these groups who want the SKU. One statement. */
export async function countMembersWanting(tx: TenantDb, groupIds: string[], skuId: string): Promise<number> {
  const [row] = await tx.sql<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM license_want w
     WHERE w.tenant_id = :tid AND w.sku_id = :sku
       AND w.user_id IN (SELECT m.user_id FROM group_user_member m WHERE m.tenant_id = :tid AND ${tx.inList("m.group_id", "groups")})`,
    { sku: skuId, groups: tx.list(groupIds) },
  );
  return Number(row?.n ?? 0);
}
