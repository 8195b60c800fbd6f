import { SecurityGroup } from "./entities";
import type { TenantDb } from "./tenant-db";
import type { Clock } from "../domain/clock";

/**
 * H7: a group's members are one of its attributes (RFC 7643 §4.2), so a change to them modifies the group: its
 * `meta.lastModified` moves, in the transaction that changed them, or a directory asking `meta.lastModified gt …`
 * never sees the change. Every way members change calls this: SCIM PATCH and PUT, GraphQL addGroupMembers and
 * removeGroupMembers, and a user or a nested group leaving the tenant.
 */
export async function membersChanged(tx: TenantDb, clock: Clock, groupIds: Iterable<string>): Promise<Date> {
  const at = clock.now();
  const ids = [...groupIds];
  for (const id of ids) tx.membersChangedOf.add(id);
  await tx.updateIn(SecurityGroup, "id", ids, {}, { updatedAt: at });
  return at;
}
