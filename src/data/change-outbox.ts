import type { TenantDb } from "./tenant-db";

/** MG6: the subscription kinds (change_subscription.kind). */
export type SubscriptionKind = "users" | "groups" | "members" | "skus";

/**
 * MG6: the write's changes, one outbox row per live subscription that may care, in ONE statement whatever the write
 * touched (5,000 users are one row per subscription): INSERT … SELECT over the tenant's subscriptions, keyed by the
 * write's tenant state version (commit order). Runs inside the write's transaction: a rollback leaves nothing.
 */
export async function enqueueChanges(tx: TenantDb, kinds: SubscriptionKind[], memberGroupIds: string[], changes: string, now: Date): Promise<void> {
  if (!kinds.length && !memberGroupIds.length) return;
  await tx.sql(
    `INSERT INTO change_outbox (subscription_id, version, tenant_id, changes, created_at)
     SELECT s.id, t.state_version, s.tenant_id, :changes, :now FROM change_subscription s JOIN tenant t ON t.id = s.tenant_id
     WHERE s.tenant_id = :tid AND s.expires_at > :now
       AND (${tx.inList("s.kind", "kinds")} OR (s.kind = 'members' AND ${tx.inList("s.group_id", "groups")}))`,
    { changes, now: now.getTime(), kinds: tx.list(kinds), groups: tx.list(memberGroupIds) },
  );
}

/** A deleted subscription's pending deliveries go with it. */
export async function dropOutbox(tx: TenantDb, subscriptionId: string): Promise<void> {
  await tx.sql(`DELETE FROM change_outbox WHERE tenant_id = :tid AND subscription_id = :id`, { id: subscriptionId });
}

/** How many subscriptions the tenant has that have not expired (at most 100, MG6). */
export async function liveSubscriptionCount(tx: TenantDb, now: Date): Promise<number> {
  const rows = await tx.sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM change_subscription WHERE tenant_id = :tid AND expires_at > :now`, { now: now.getTime() });
  return Number(rows[0]?.n ?? 0);
}
