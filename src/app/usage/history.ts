import type { App, RequestContext } from "../request/context";
import { systemContext } from "../request/admission";
import { Permission, requirePermission } from "../auth/permissions";
import { poolFigures } from "../subscriptions/subscriptions";
import { reallocateIfStale } from "../seats/seat-change";
import { activeSeatHolders, DailyJobs, insertUsageDays, UsageDay, usageDays } from "../../data/usage-history";
import { ACTIVE_WITHIN_DAYS, addDays, daysBetween, parseDay, USAGE_HISTORY_DAYS, utcDay } from "../../domain/days";
import { DAY_MS } from "../../domain/clock";
import { badInput, notFound } from "../../domain/errors";

export const USAGE_SNAPSHOT_JOB = "usage-snapshot";
/** Tenants read per statement by the daily pass. */
const TENANT_PAGE = 500;

/** V5: `licenseUsageHistory(skuId, from, to)` — the stored days, oldest first; a day no instance saw is absent. */
export async function licenseUsageHistory(ctx: RequestContext, skuId: string, fromArg: string, toArg: string): Promise<UsageDay[]> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const from = parseDay(fromArg, "from");
  const to = parseDay(toArg, "to");
  if (to < from) throw badInput("to must not be before from.", "to");
  if (daysBetween(from, to) > USAGE_HISTORY_DAYS) throw badInput(`from and to span at most ${USAGE_HISTORY_DAYS} days.`, "to");
  if (!ctx.catalog.sku(skuId)) throw notFound("SKU", skuId);
  return usageDays(ctx.db, skuId, from, to);
}

/**
 * V5: one tenant's snapshot of `day`: each pool's figures now (seats brought up to date first, as any read does,
 * S5), and its seat holders active in the last 30 days. Written with insert-or-ignore: idempotent.
 */
export async function snapshotTenant(app: App, tenantId: string, day: string): Promise<number> {
  // The pass is the service's own work (the system principal); it reads and writes only this tenant's rows.
  const ctx = systemContext(app, tenantId);
  return ctx.lock.run(async () => {
    await reallocateIfStale(ctx);
    const now = app.clock.now();
    const [figures, active] = await Promise.all([poolFigures(ctx), activeSeatHolders(ctx.db, new Date(now.getTime() - ACTIVE_WITHIN_DAYS * DAY_MS))]);
    const rows: UsageDay[] = figures.map((f) => ({
      skuId: f.sku.id, day, enabled: f.prepaidUnits.enabled, warning: f.prepaidUnits.warning, consumed: f.consumedUnits,
      waiting: f.unassignedDemand, activeHolders: active.get(f.sku.id) ?? 0,
    }));
    await insertUsageDays(ctx.db, rows, now);
    return rows.length;
  });
}

export interface PassOutcome {
  day: string;
  /** False when another instance (or an earlier tick) had already finished the day. */
  ran: boolean;
  tenants: number;
  failed: number;
}

/**
 * V5: the day's pass over every tenant, once per UTC day of the app's clock, by whichever instance comes first;
 * a later instance finds the day finished and does nothing. Two instances racing both write, and the unique key
 * keeps one row. A tenant that fails is logged and left for the next tick (the day stays unfinished).
 * Snapshots older than 400 days go.
 */
export async function runUsageSnapshots(app: App): Promise<PassOutcome> {
  const day = utcDay(app.clock.now());
  const jobs = new DailyJobs(app.database);
  const lock = app.database.lock();
  if (await jobs.finished(lock, USAGE_SNAPSHOT_JOB, day)) return { day, ran: false, tenants: 0, failed: 0 };
  let tenants = 0;
  let failed = 0;
  for (let after: string | null = null; ; ) {
    const ids = await jobs.tenantIds(lock, after, TENANT_PAGE);
    for (const id of ids) {
      try {
        await snapshotTenant(app, id, day);
        tenants++;
      } catch (e) {
        failed++;
        app.log.error("usage snapshot failed", { tenantId: id, day, error: String((e as Error)?.stack ?? e) });
      }
    }
    if (ids.length < TENANT_PAGE) break;
    after = ids[ids.length - 1];
  }
  await jobs.pruneUsageDays(lock, addDays(day, -(USAGE_HISTORY_DAYS - 1)));
  if (!failed) await jobs.markFinished(lock, USAGE_SNAPSHOT_JOB, day, app.clock.now());
  app.log.info("usage snapshots", { day, tenants, failed });
  return { day, ran: true, tenants, failed };
}

/**
 * The instance's scheduler of daily passes: a tick at start and then every `intervalMs` (default 10 minutes);
 * a tick does nothing once this instance knows the day is finished, so the pass runs in the first tick of each UTC
 * day (of the app's clock) on whichever instance gets there first. Ticks never overlap; `stop()` waits for one
 * under way (the drain calls it before the database closes).
 */
export class DailyPasses {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private doneDay?: string;

  constructor(private readonly app: App, private readonly passes: ((app: App) => Promise<PassOutcome>)[] = [runUsageSnapshots]) {}

  start(intervalMs = 10 * 60_000): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /** One tick: runs the passes unless today is done (tests call it after moving the clock). */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const day = utcDay(this.app.clock.now());
    if (this.doneDay === day) return Promise.resolve();
    this.running = (async () => {
      try {
        let done = true;
        for (const pass of this.passes) {
          const out = await pass(this.app);
          if (out.failed) done = false;
        }
        if (done) this.doneDay = day;
      } catch (e) {
        this.app.log.error("daily pass failed", { day, error: String((e as Error)?.stack ?? e) });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
