import { Candidates, SeatEngine } from "../../data/licensing/seat-engine";
import type { TenantDb } from "../../data/tenant-db";
import { AuditEntry, recordAudits } from "../audit/audit";
import type { RequestContext, WriteReport } from "../request/context";
import { completeRequests } from "./request-completion";

/** What a seat-changing step did, besides its own result. */
export interface SeatStep<T> {
  result: T;
  /**
   * Whose wants the step may have changed: sources added or removed (S1). Omit when only pools changed.
   * A function is called after the step, with the engine's caches dropped (so it reads the changed graph once).
   */
  affected?: Candidates | (() => Promise<Candidates>);
  /** Users the step changed without touching wants (say, the disabled plans of an assignment they have). */
  touchedUserIds?: string[];
  /** Users directly in these groups had a source changed without touching wants (a group assignment's plans). */
  touchedGroupIds?: string[];
  /** SKUs whose pool the step changed (subscriptions bought, resized, cancelled). */
  touchedSkuIds?: string[];
  /**
   * The step's one audit event (A1). A bulk step gives one per user it changed (K8: a user whose licenses did not
   * change gets none, and a call that changed nobody writes none); each carries its own user's seat changes.
   */
  audit: AuditEntry | { perUser: AuditEntry[] };
}

/**
 * The one seat-change sequence (S4, S5, A1), inside the caller's transaction:
 * 1. catch up first, so the step sees seats as of now (time may have moved a pool, P6);
 * 2. the step applies its change (it may use the engine, e.g. to check free seats, S3);
 * 3. the wants of whom it reached are recomputed (S1) and the seats rebalanced (S5);
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
  if (done.affected || done.touchedSkuIds?.length) engine.invalidate();
  const affected = typeof done.affected === "function" ? await done.affected() : done.affected;
  if (affected) await engine.recomputeWants(affected);
  await engine.rebalance();
  await recordAudits(tx, ctx, withSeatChanges(engine, done.audit));
  const report = tx.report;
  for (const id of affected?.userIds ?? []) report.userIds.add(id);
  for (const id of affected?.groupIds ?? []) report.groupIds.add(id);
  for (const id of done.touchedUserIds ?? []) report.userIds.add(id);
  for (const id of done.touchedGroupIds ?? []) report.groupIds.add(id);
  for (const id of done.touchedSkuIds ?? []) report.skuIds.add(id);
  noteSeatChanges(report, engine, Boolean(affected));
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
