import type { Ctx } from "../../context";
import { TenantDb } from "../../db/tenant-db";
import { Candidates, SeatEngine } from "../../licensing/seat-engine";
import { recordAudit } from "../audit/audit.service";

export interface SeatChangeResult<T> {
  value: T;
  /** Whose wants the change may touch. */
  affected: Candidates;
  action: string;
  targetId: string;
  details: Record<string, unknown>;
  /** Usage locations changed (L3). */
  locationsChanged?: boolean;
}

/**
 * The sequence every seat-changing write follows (as in group.service.ts): engine → rebalance → apply →
 * invalidate → recomputeWants → rebalance → audit, inside the caller's transaction. SCIM writes carry
 * `via: "SCIM"` in their audit details (D9).
 */
export async function seatChange<T>(tx: TenantDb, ctx: Ctx, apply: (engine: SeatEngine) => Promise<SeatChangeResult<T>>): Promise<T> {
  const engine = new SeatEngine(tx, ctx.catalog, ctx.clock);
  await engine.rebalance();
  const change = await apply(engine);
  engine.invalidate();
  if (change.locationsChanged) engine.recheckLocations();
  await engine.recomputeWants(change.affected);
  await engine.rebalance();
  await recordAudit(tx, ctx, change.action, change.targetId, { via: "SCIM", ...change.details, seatChanges: engine.auditSummary() });
  return change.value;
}
