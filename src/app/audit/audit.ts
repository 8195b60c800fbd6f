import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { AuditEvent } from "../../data/entities";
import { newId } from "../../domain/ids";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { TEXT_LIMITS } from "../../domain/text";
import { Permission, requirePermission } from "../auth/permissions";
import { badInput } from "../../domain/errors";

/** One event to append: what was done, to what (its ID and its name at the time, K8), and what changed. */
export interface AuditEntry {
  action: string;
  targetId: string | null;
  /** A user's UPN, a group's, SKU's, bot's or tenant's display name; kept as it is now, so a later rename leaves it. */
  targetName: string | null;
  details: Record<string, unknown>;
}

/** Names longer than the column are cut by code point (never inside a surrogate pair, H1). */
function storedName(name: string | null): string | null {
  if (name == null) return null;
  const points = [...name];
  return points.length > TEXT_LIMITS.name ? points.slice(0, TEXT_LIMITS.name).join("") : name;
}

/** A1: one event per successful mutation, written in the mutation's own transaction. */
export async function recordAudit(
  tx: TenantDb,
  ctx: RequestContext,
  action: string,
  targetId: string | null,
  details: Record<string, unknown>,
  targetName: string | null,
): Promise<void> {
  await recordAudits(tx, ctx, [{ action, targetId, targetName, details }]);
}

/** Several events of one mutation (one per user it changed, K8) in as few statements as the rows allow. */
export async function recordAudits(tx: TenantDb, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = ctx.clock.now();
  const rows = entries.map((e) => ({
    id: newId("audit"), action: e.action, actorId: ctx.actorId, targetId: e.targetId, targetDisplayName: storedName(e.targetName),
    details: JSON.stringify(e.details), at,
  }));
  await tx.insert(AuditEvent, rows);
  for (const r of rows) tx.report.noteAudit(r.id);
}

export interface AuditFilter {
  action?: string | null;
  targetId?: string | null;
  /** K8: a half-open range of instants, [from, to). */
  from?: Date | null;
  to?: Date | null;
}

export async function listAuditEvents(ctx: RequestContext, args: PageArgs & AuditFilter): Promise<Page<AuditEvent>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  if (args.from && args.to && args.from.getTime() > args.to.getTime()) throw badInput("from must not be after to.", "from");
  const qb = ctx.db.qb(AuditEvent, "e");
  if (args.from) qb.andWhere("e.at >= :from", { from: args.from.getTime() });
  if (args.to) qb.andWhere("e.at < :to", { to: args.to.getTime() });
  if (args.action) qb.andWhere("e.action = :action", { action: args.action });
  if (args.targetId) qb.andWhere("e.targetId = :targetId", { targetId: args.targetId });
  return pageByIds(qb, args, "DESC");
}
