import { LicenseRequest, LicenseWant, User } from "../../data/entities";
import type { TenantDb } from "../../data/tenant-db";
import { LicenseRequestStatus } from "../../domain/enums";
import { AuditEntry, recordAudits } from "../audit/audit";
import type { RequestContext } from "../request/context";

/** Past this many touched users, the open requests are read for the whole tenant (one statement). */
const WIDE_WRITE = 1000;

/**
 * V1: a PENDING request completes by itself when its user gets the SKU another way (holds a seat of it) or leaves
 * the tenant. Run last in every seat change, over the users the write touched: one indexed read when none of them
 * has an open request. A user deleted outright takes their requests along (the audit event stays); a tombstone
 * the directory keeps for its bots (D7) shows them COMPLETED.
 */
export async function completeRequests(ctx: RequestContext, tx: TenantDb): Promise<void> {
  const report = tx.report;
  if (!report.userIds.size) return;
  // A write that touched many users (a group of thousands) reads the tenant's open requests once instead of
  // asking per chunk of users: open requests are few next to users.
  const open = report.userIds.size > WIDE_WRITE
    ? (await tx.find(LicenseRequest, { status: LicenseRequestStatus.PENDING })).filter((r) => report.userIds.has(r.requesterId))
    : await tx.findIn(LicenseRequest, "requesterId", [...report.userIds], { status: LicenseRequestStatus.PENDING });
  if (!open.length) return;
  const requesterIds = [...new Set(open.map((r) => r.requesterId))];
  const [users, held] = await Promise.all([
    tx.findIn(User, "id", requesterIds),
    tx.findIn(LicenseWant, "userId", requesterIds, { holdsSeat: true }),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const holds = new Set(held.map((w) => `${w.userId}|${w.skuId}`));
  const now = ctx.clock.now();
  const completed: string[] = [];
  const removed: string[] = [];
  const audit: AuditEntry[] = [];
  for (const r of open) {
    const user = byId.get(r.requesterId);
    const left = !user || user.deletedAt != null;
    if (!left && !holds.has(`${r.requesterId}|${r.skuId}`)) continue;
    (user ? completed : removed).push(r.id);
    const sku = ctx.catalog.sku(r.skuId);
    audit.push({
      action: "COMPLETE_LICENSE_REQUEST", targetId: r.requesterId, targetName: user?.userPrincipalName ?? null,
      details: { requestId: r.id, sku: sku?.partNumber ?? r.skuId, why: left ? "LEFT_TENANT" : "GRANTED" },
    });
  }
  await tx.updateIn(LicenseRequest, "id", completed, { status: LicenseRequestStatus.PENDING }, { status: LicenseRequestStatus.COMPLETED, decidedAt: now });
  await tx.deleteIn(LicenseRequest, "id", removed);
  await recordAudits(tx, ctx, audit);
  for (const id of completed) report.requestIds.add(id);
}
