import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { AuditEvent } from "../../data/entities";
import { newId } from "../../domain/ids";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { Permission, requirePermission } from "../auth/permissions";

/** A1: one event per successful mutation, written in the mutation's own transaction. */
export async function recordAudit(
  tx: TenantDb,
  ctx: RequestContext,
  action: string,
  targetId: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  const id = newId("audit");
  await tx.insert(AuditEvent, [{ id, action, actorId: ctx.actorId, targetId, details: JSON.stringify(details), at: ctx.clock.now() }]);
  ctx.noteAudit(id);
}

export async function listAuditEvents(ctx: RequestContext, args: PageArgs & { action?: string | null; targetId?: string | null }): Promise<Page<AuditEvent>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const qb = ctx.db.qb(AuditEvent, "e");
  if (args.action) qb.andWhere("e.action = :action", { action: args.action });
  if (args.targetId) qb.andWhere("e.targetId = :targetId", { targetId: args.targetId });
  return pageByIds(qb, args, "DESC");
}
