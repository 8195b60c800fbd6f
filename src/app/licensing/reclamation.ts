import type { App, RequestContext } from "../request/context";
import { systemContext } from "../request/admission";
import { Sku, Tenant, User, UserLicenseAssignment } from "../../data/entities";
import { LicenseSourceKind } from "../../domain/enums";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import { DAY_MS } from "../../domain/clock";
import { checkFirst, decodeCursor, encodeCursor, Page, PageArgs } from "../../domain/paging";
import { IsNull } from "typeorm";
import { Permission, requirePermission } from "../auth/permissions";
import { changeSeats } from "../seats/seat-change";
import { recordAudits, type AuditEntry } from "../audit/audit";
import { previewedSku } from "./licensing";
import { selection } from "./bulk-assign";
import type { TenantDb } from "../../data/tenant-db";
import { SeatEngine } from "../../data/licensing/seat-engine";
import {
  claimReclaimPass, clearSpentWarnings, countInactiveHolders, HolderRow, inactiveHolderPage, inactiveHolders, recordReclaimPass, setReclaimWarning,
} from "../../data/licensing/inactivity";

/** V4: the tenant setting's default and bounds. */
export const DEFAULT_INACTIVE_AFTER_DAYS = 90;
export const MAX_INACTIVE_AFTER_DAYS = 3650;
/** V4: a warned user's direct licenses are reclaimed this many days after the warning, unless they were active. */
export const RECLAIM_AFTER_WARNING_DAYS = 7;

export interface InactiveLicenseHolderView {
  id: string;
  user: User;
  lastActivityAt: Date | null;
  reclaimable: boolean;
  throughGroupIds: string[];
  reclaimWarningAt: Date | null;
}

export interface ReclaimResult {
  reclaimed: User[];
  skipped: User[];
}

const cutoffOf = (tenant: Pick<Tenant, "inactiveAfterDays">, now: Date) => new Date(now.getTime() - (tenant.inactiveAfterDays ?? DEFAULT_INACTIVE_AFTER_DAYS) * DAY_MS);

/** The groups whose members get `skuId` through a group assignment: the assigned groups and every group nested in them. */
async function reachingGroups(engine: Pick<SeatEngine, "graph">, skuId: string): Promise<string[]> {
  const graph = await engine.graph();
  const out = new Set<string>();
  for (const g of graph.groupsAssigned(skuId)) for (const d of graph.descendants(g)) out.add(d);
  return [...out];
}

/**
 * V4: `inactiveLicenseHolders(skuId)`: seat holders inactive for the tenant's inactiveAfterDays, in user ID order.
 * `countNow`: the caller wants totalCount, so it runs beside the page (on PostgreSQL on a connection of its own)
 * instead of after it; otherwise it runs only if read.
 */
export async function inactiveLicenseHolders(ctx: RequestContext, skuId: string, args: PageArgs, o: { countNow?: boolean } = {}): Promise<Page<InactiveLicenseHolderView>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const sku = previewedSku(ctx, skuId);
  const first = checkFirst(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const tenant = ctx.signedInTenant ?? (await ctx.db.tenant());
  if (!tenant) throw notFound("Tenant");
  const cutoff = cutoffOf(tenant, ctx.clock.now());
  const graph = await ctx.loaders.graph();
  const groups = await reachingGroups({ graph: async () => graph }, sku.id);
  const db = ctx.db;
  // V3: activity this instance holds and has not written yet keeps a user out.
  const active = ctx.app.activity.unwrittenUsers(ctx.tenantId);
  let count: Promise<number> | undefined;
  const total = () => (count ??= countInactiveHolders(db, sku.id, cutoff, active));
  // Held until read: a failure is the field's error, not an unhandled rejection meanwhile.
  if (o.countNow) total().catch(() => undefined);
  const rows = first === 0 ? [] : await inactiveHolderPage(db, sku.id, cutoff, groups, active, after, first + 1);
  const page = rows.slice(0, first);
  const users = await ctx.loaders.user.loadMany(page.map((r) => r.userId));
  const views = await ctx.loaders.effective.loadMany(page.map((r) => r.userId));
  const nodes: InactiveLicenseHolderView[] = [];
  page.forEach((r, i) => {
    const user = users[i];
    if (!(user instanceof User)) return;
    const view = views[i];
    const sources = Array.isArray(view) ? (view.find((v) => v.skuId === sku.id)?.sources ?? []) : [];
    const throughGroupIds = [...new Set(sources.filter((s) => s.kind === LicenseSourceKind.GROUP && s.groupId).map((s) => s.groupId!))];
    nodes.push({ id: r.userId, user, lastActivityAt: r.lastActivityAt, reclaimable: r.direct && !r.grouped, throughGroupIds, reclaimWarningAt: r.reclaimWarningAt });
  });
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  const last = page.at(-1);
  return Object.defineProperty(
    { edges, nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.userId) : null } },
    "totalCount",
    { get: total, enumerable: true },
  ) as Page<InactiveLicenseHolderView>;
}

/** What one reclamation removes: per user, the SKUs whose direct source goes. */
interface Reclaim {
  userId: string;
  skus: Sku[];
  lastActivityAt: Date | null;
  warnedAt: Date | null;
}

/** S8, S5 through the one seat-change path: the direct sources go, the freed seats go to the next in line; one event per user. */
async function removeDirectSources(ctx: RequestContext, tx: TenantDb, plan: Reclaim[], users: Map<string, User>, automatic: boolean): Promise<void> {
  if (!plan.length) return;
  const skuIds = [...new Set(plan.flatMap((p) => p.skus.map((s) => s.id)))];
  await changeSeats(ctx, tx, async () => {
    const removed = skuIds.map((skuId) => ({ skuId, userIds: plan.filter((p) => p.skus.some((s) => s.id === skuId)).map((p) => p.userId) }));
    for (const r of removed) await tx.deleteIn(UserLicenseAssignment, "userId", r.userIds, { skuId: r.skuId });
    const perUser: AuditEntry[] = plan.map((p) => ({
      action: "RECLAIM_LICENSE", targetId: p.userId, targetName: users.get(p.userId)?.userPrincipalName ?? null,
      details: {
        changes: p.skus.map((s) => ({ sku: s.partNumber, op: "remove", source: "DIRECT" })),
        reason: "INACTIVE", automatic, lastActivityAt: p.lastActivityAt?.toISOString() ?? null,
        ...(p.warnedAt ? { warnedAt: p.warnedAt.toISOString() } : {}),
      },
    }));
    return { result: undefined, facts: { sourcesRemoved: removed }, touchedUserIds: plan.map((p) => p.userId), audit: { perUser } };
  });
  await setReclaimWarning(tx, plan.map((p) => p.userId), null);
}

/**
 * V4: `reclaimLicenses(skuId, userIds)`: of the selected users, those who hold a seat of the SKU through a direct
 * assignment only and are still inactive lose that assignment (S8) and their seats go to the next in line (S5), in
 * one transaction with one RECLAIM_LICENSE event per user; the others are skipped and left as they are.
 */
export async function reclaimLicenses(ctx: RequestContext, input: { skuId: string; userIds: readonly string[] }): Promise<ReclaimResult> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const sku = previewedSku(ctx, input.skuId);
  const userIds = selection(input.userIds);
  return ctx.write(async (tx) => {
    const users = new Map((await tx.findIn(User, "id", userIds, { deletedAt: IsNull() })).map((u) => [u.id, u]));
    const missing = userIds.filter((id) => !users.has(id));
    if (missing.length) {
      throw new AppError(ErrorCode.NOT_FOUND, `Users not found: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`, { missingIds: missing.slice(0, 100) });
    }
    const tenant = await tx.tenant();
    const cutoff = cutoffOf(tenant!, ctx.clock.now());
    const groups = await reachingGroups(new SeatEngine(tx, ctx.catalog, ctx.clock), sku.id);
    const active = ctx.app.activity.unwrittenUsers(ctx.tenantId);
    const rows = (await inactiveHolders(tx, sku.id, cutoff, groups, active, userIds)).filter((r) => r.direct && !r.grouped);
    const plan = rows.map((r) => ({ userId: r.userId, skus: [sku], lastActivityAt: r.lastActivityAt, warnedAt: r.reclaimWarningAt }));
    await removeDirectSources(ctx, tx, plan, users, false);
    const done = new Set(plan.map((p) => p.userId));
    return { reclaimed: userIds.filter((u) => done.has(u)).map((u) => users.get(u)!), skipped: userIds.filter((u) => !done.has(u)).map((u) => users.get(u)!) };
  });
}

export interface PassOutcome {
  tenantId: string;
  /** False when the day's pass had already been claimed (by this or another instance). */
  ran: boolean;
  warned: string[];
  reclaimed: string[];
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * V4: the automatic pass of one tenant for today (UTC), in one transaction. Whoever inserts the day's claim row
 * runs it; anyone else (and a second run) does nothing. It forgets the warnings of users active since, reclaims
 * the direct licenses of users warned RECLAIM_AFTER_WARNING_DAYS ago and still inactive, and warns the inactive
 * holders of a reclaimable license not warned yet (`reclaimWarningAt`, seen on `me`).
 */
export async function runTenantReclaimPass(app: App, tenantId: string): Promise<PassOutcome> {
  // The service's own work (the system principal), in this tenant alone.
  const ctx = systemContext(app, tenantId);
  const now = app.clock.now();
  const day = utcDay(now);
  return ctx.write(async (tx) => {
    const tenant = await tx.tenant();
    if (!tenant?.autoReclaim || !(await claimReclaimPass(tx, day, now))) return { tenantId, ran: false, warned: [], reclaimed: [] };
    const cutoff = cutoffOf(tenant, now);
    const due = new Date(now.getTime() - RECLAIM_AFTER_WARNING_DAYS * DAY_MS);
    const engine = new SeatEngine(tx, ctx.catalog, ctx.clock);
    const active = app.activity.unwrittenUsers(tenantId);
    // Per user: the reclaimable inactive holdings, by SKU.
    const byUser = new Map<string, { row: HolderRow; skus: Sku[] }>();
    for (const sku of ctx.catalog.assignable()) {
      const rows = await inactiveHolders(tx, sku.id, cutoff, await reachingGroups(engine, sku.id), active);
      for (const r of rows) {
        if (!r.direct || r.grouped) continue;
        const e = byUser.get(r.userId) ?? { row: r, skus: [] };
        e.skus.push(sku);
        byUser.set(r.userId, e);
      }
    }
    const warnedBefore = (r: HolderRow) => r.reclaimWarningAt !== null && r.reclaimWarningAt <= due && (r.lastActivityAt === null || r.lastActivityAt <= r.reclaimWarningAt);
    const reclaim = [...byUser.values()].filter((e) => warnedBefore(e.row));
    const users = new Map((await tx.findIn(User, "id", [...byUser.keys()])).map((u) => [u.id, u]));
    await removeDirectSources(ctx, tx, reclaim.map((e) => ({ userId: e.row.userId, skus: e.skus, lastActivityAt: e.row.lastActivityAt, warnedAt: e.row.reclaimWarningAt })), users, true);
    // Warnings that are over: the user was active since, or the warning is due and was dealt with above (or nothing is left to reclaim).
    await clearSpentWarnings(tx, due);
    const reclaimed = new Set(reclaim.map((e) => e.row.userId));
    const warn = [...byUser.values()].filter((e) => !reclaimed.has(e.row.userId) && e.row.reclaimWarningAt === null);
    const after = new Date(now.getTime() + RECLAIM_AFTER_WARNING_DAYS * DAY_MS);
    await setReclaimWarning(tx, warn.map((e) => e.row.userId), now);
    await recordAudits(tx, ctx, warn.map((e) => ({
      action: "WARN_LICENSE_RECLAIM", targetId: e.row.userId, targetName: users.get(e.row.userId)?.userPrincipalName ?? null,
      details: { skus: e.skus.map((s) => s.partNumber), reason: "INACTIVE", automatic: true, lastActivityAt: e.row.lastActivityAt?.toISOString() ?? null, reclaimAfter: after.toISOString() },
    })));
    for (const e of warn) tx.report.userIds.add(e.row.userId);
    await recordReclaimPass(tx, day, warn.length, reclaim.length);
    return { tenantId, ran: true, warned: warn.map((e) => e.row.userId), reclaimed: [...reclaimed] };
  });
}

/**
 * V4: today's pass for every tenant with autoReclaim on that has not had it. This instance's activity is written
 * first, so the pass sees it. Safe to call from every instance, as often as wanted (the claim row decides).
 */
export async function runReclaimPasses(app: App): Promise<PassOutcome[]> {
  const due = await app.database.tenantsDueForReclaim(utcDay(app.clock.now()));
  if (due.length) await app.activity.flush();
  const out: PassOutcome[] = [];
  for (const tenantId of due) {
    try {
      out.push(await runTenantReclaimPass(app, tenantId));
    } catch (e) {
      app.log.error("reclaim pass failed", { tenantId, error: String((e as Error)?.stack ?? e) });
    }
  }
  return out;
}
