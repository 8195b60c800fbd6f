import { SeatEngine } from "../../data/licensing/seat-engine";
import type { SeatFacts } from "../../domain/licensing/seat-facts";
import type { TenantDb } from "../../data/tenant-db";
import { AuditEntry, recordAudits } from "../audit/audit";
import type { RequestContext, WriteReport } from "../request/context";
import { completeRequests } from "./request-completion";

/** What a seat-changing step did, besides its own result. */
export interface SeatStep<T> {
  result: T;
  /**
   * What the step changed, as facts (sources, memberships, deletions, pools, locations). The engine derives whose
   * wants to recompute from them (planSeatChange); the step never says how.
   */
  facts?: SeatFacts;
  /** Users whose reads the step changed without a seat fact (an approved request's requester). For the write's report. */
  touchedUserIds?: string[];
  /** S3 after the change: the step needs this user to hold a seat of the SKU now, else `otherwise` is thrown (all rolls back). */
  mustHold?: { userId: string; skuId: string; otherwise: () => Error };
  /**
   * The step's one audit event (A1). A bulk step gives one per user it changed (K8: a user whose licenses did not
   * change gets none, and a call that changed nobody writes none); each carries its own user's seat changes.
   */
  audit: AuditEntry | { perUser: AuditEntry[] };
}

/**
 * The one seat-change sequence (S4, S5, A1), inside the caller's transaction:
 * 1. catch up first, so the step sees seats as of now (time may have moved a pool, P6);
 * 2. the step applies its change and reports its facts (it may read the engine, e.g. free seats, S3; it moves none);
 * 3. the engine derives from the facts whose wants to recompute (S1) and rebalances the seats (S5);
 * 4. one audit event carries the seat changes, last, so it sees them all.
 * What changed is noted on the request's write, which hands it on only after commit.
 */
export async function changeSeats<T>(ctx: RequestContext, tx: TenantDb, step: (engine: SeatEngine) => Promise<SeatStep<T>>): Promise<T> {
  const started = process.hrtime.bigint();
  let ok = false;
  try {
    const result = await runSeatChange(ctx, tx, step);
    ok = true;
    return result;
  } finally {
    ctx.app.metrics.seatEngineRun(Number(process.hrtime.bigint() - started) / 1e9, ok);
  }
}

async function runSeatChange<T>(ctx: RequestContext, tx: TenantDb, step: (engine: SeatEngine) => Promise<SeatStep<T>>): Promise<T> {
  const engine = new SeatEngine(tx, ctx.catalog, ctx.clock);
  await engine.catchUp();
  const done = await step(engine);
  const plan = await engine.settle(done.facts ?? {});
  if (done.mustHold && !(await engine.holds(done.mustHold.userId, done.mustHold.skuId))) throw done.mustHold.otherwise();
  await recordAudits(tx, ctx, withSeatChanges(engine, done.audit));
  const report = tx.report;
  for (const pass of plan.recompute) {
    for (const id of pass.userIds) report.userIds.add(id);
    for (const id of pass.groupIds) report.groupIds.add(id);
  }
  for (const id of [...plan.touchedUserIds, ...plan.dropWantsOf, ...(done.touchedUserIds ?? [])]) report.userIds.add(id);
  for (const id of plan.touchedGroupIds) report.groupIds.add(id);
  for (const id of plan.poolsChanged) report.skuIds.add(id);
  // The tenant's default location moves every pool's figures (L3).
  if (done.facts?.locationsChanged?.tenantDefault) for (const s of ctx.catalog.assignable()) report.skuIds.add(s.id);
  noteSeatChanges(report, engine, plan.recompute.length > 0 || plan.recheckLocations);
  // V1: a request whose user now holds the SKU (or left) completes in the same transaction.
  await completeRequests(ctx, tx);
  return done.result;
}

/** The events of a step with the seat changes they report, computed last so they see every change. */
function withSeatChanges(engine: SeatEngine, audit: SeatStep<unknown>["audit"]): AuditEntry[] {
  const withSeats = (e: AuditEntry, seatChanges: Record<string, unknown> | undefined): AuditEntry =>
    seatChanges ? { ...e, details: { ...e.details, seatChanges } } : e;
  if (!("perUser" in audit)) return [withSeats(audit, engine.auditSummary())];
  const targets = new Set(audit.perUser.map((e) => e.targetId));
  const own = engine.auditSummaryByUser([...targets].filter((u): u is string => u !== null));
  // Seats that moved for users outside the selection (S5 gave them freed seats) are told once, on the first event.
  return audit.perUser.map((e, i) =>
    withSeats(e, i === 0 ? engine.auditSummary((u) => u === e.targetId || !targets.has(u)) : own.get(e.targetId ?? "")),
  );
}

/** D9: a directory's write is audited with `details.via = "SCIM"` (the actor is its provisioning token). */
export function scimAudit(action: string, targetId: string, targetName: string, details: Record<string, unknown>): AuditEntry {
  return { action, targetId, targetName, details: { via: "SCIM", ...details } };
}

/**
 * P6, S5: time alone can move a pool (a subscription reaches its end, its grace period, its deletion). Before a
 * request reads seats, this named step brings them up to date in a transaction of its own; reads never write.
 */
export async function reallocateIfStale(ctx: RequestContext): Promise<void> {
  if (!(await ctx.loaders.seatsStale())) return;
  await ctx.write(async (tx) => {
    const engine = new SeatEngine(tx, ctx.catalog, ctx.clock);
    await engine.rebalance();
    noteSeatChanges(tx.report, engine, true);
    await completeRequests(ctx, tx);
  });
}

function noteSeatChanges(report: WriteReport, engine: SeatEngine, poolsMoved: boolean): void {
  for (const [skuId, c] of engine.changes) {
    const users = [...c.granted, ...c.revoked, ...c.released, ...c.waiting];
    for (const u of users) report.userIds.add(u);
    if (users.length || poolsMoved) report.skuIds.add(skuId);
  }
}
