import { DataSource, EntityManager, In } from "typeorm";
import { ChangeSubscription } from "./entities";
import type { Engine } from "./datasource";
import type { OperationLock } from "./operation-lock";

/** Due subscriptions one claim takes at most; the worker posts to them concurrently (each one in order). */
export const SUBSCRIPTIONS_PER_CLAIM = 8;
/**
 * Rows one claim takes per subscription at most (each is one write's changes). A write changes at least one
 * resource, so 100 rows of one-user writes fill one POST of the worker's 100 notifications, no more.
 */
export const ROWS_PER_CLAIM = 100;
/**
 * And at most this much of their changes JSON (a one-user write is ~60 bytes, a 5,000-user write ~260 KB), so a
 * claim of bulk writes holds a few rows in memory, not 100 × 8; the first row is always taken, whatever its size.
 */
export const CHANGE_BYTES_PER_CLAIM = 64 * 1024;

/** One pending row of a subscription: a write's changes, keyed by commit order. */
export interface PendingChange {
  version: number;
  /** JSON of the write's changes (app/webhooks/changes). */
  changes: string;
}

/** One subscription's work, as the delivering instance holds it. */
export interface DeliveryJob {
  subscription: ChangeSubscription;
  /** Its pending rows, in commit order. */
  rows: PendingChange[];
}

/** What the delivery did: the rows delivered (a prefix of the job's), whether to drop the rest, the new state. */
export interface Settlement {
  deliveredVersions: number[];
  dropPending: boolean;
  state: Pick<ChangeSubscription, "state" | "failures" | "nextAttemptAt" | "failingSince">;
}

/** Delivers the claimed jobs; answers one settlement per job, in the jobs' order. */
export type Deliver = (jobs: DeliveryJob[]) => Promise<Settlement[]>;

/** SQLite: one delivery at a time in the process, whichever app of it asks (apps may share a DataSource). */
const busy = new WeakSet<DataSource>();

/**
 * MG6: where the delivery worker takes its work. A claim is up to SUBSCRIPTIONS_PER_CLAIM due subscriptions with
 * their first pending rows. PostgreSQL: the subscriptions are locked with `FOR UPDATE SKIP LOCKED` for the whole
 * delivery, so every instance may deliver and none delivers a subscription another holds (in order, never twice
 * at once); a killed instance's locks go with its connection. SQLite: one process, one claim at a time; the rows
 * are read and settled under the operation lock, the HTTP in between runs outside it.
 */
export class DeliveryStore {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, private readonly newLock: () => OperationLock) {}

  /** Claims the due subscriptions and settles what `deliver` did; answers how many were claimed (0: nothing due). */
  async claim(now: Date, deliver: Deliver): Promise<number> {
    return this.engine === "postgres" ? this.claimPg(now, deliver) : this.claimSqlite(now, deliver);
  }

  private async claimPg(now: Date, deliver: Deliver): Promise<number> {
    const qr = this.ds.createQueryRunner();
    await qr.startTransaction();
    try {
      const m = qr.manager;
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT s.id FROM change_subscription s
         WHERE s.next_attempt_at <= $1 AND s.expires_at > $1 AND EXISTS (SELECT 1 FROM change_outbox o WHERE o.subscription_id = s.id)
         ORDER BY s.next_attempt_at LIMIT ${SUBSCRIPTIONS_PER_CLAIM} FOR UPDATE SKIP LOCKED`,
        [now.getTime()],
      );
      const jobs = await this.jobs(m, rows.map((r) => String(r.id)));
      if (jobs.length) await this.settleAll(m, jobs, await deliver(jobs));
      await qr.commitTransaction();
      return jobs.length;
    } catch (e) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async claimSqlite(now: Date, deliver: Deliver): Promise<number> {
    if (busy.has(this.ds)) return 0;
    busy.add(this.ds);
    try {
      const jobs = await this.locked(async (m) => {
        const rows: Record<string, unknown>[] = await m.query(
          `SELECT s.id FROM change_subscription s
           WHERE s.next_attempt_at <= ? AND s.expires_at > ? AND EXISTS (SELECT 1 FROM change_outbox o WHERE o.subscription_id = s.id)
           ORDER BY s.next_attempt_at LIMIT ${SUBSCRIPTIONS_PER_CLAIM}`,
          [now.getTime(), now.getTime()],
        );
        return this.jobs(m, rows.map((r) => String(r.id)));
      });
      if (!jobs.length) return 0;
      const done = await deliver(jobs);
      await this.locked((m) => m.transaction((t) => this.settleAll(t, jobs, done)));
      return jobs.length;
    } finally {
      busy.delete(this.ds);
    }
  }

  /** The claimed subscriptions (in claim order) with their first pending rows, in commit order, within the budgets. */
  private async jobs(m: EntityManager, ids: string[]): Promise<DeliveryJob[]> {
    if (!ids.length) return [];
    const found = new Map((await m.find(ChangeSubscription, { where: { id: In(ids) } })).map((s) => [s.id, s]));
    const p = this.engine === "postgres" ? ["$1", "$2"] : ["?", "?"];
    // The running size is of the rows before this one, so the first row is always in.
    const sql = `SELECT version, changes FROM (
        SELECT version, changes, SUM(LENGTH(changes)) OVER (ORDER BY version ROWS UNBOUNDED PRECEDING) - LENGTH(changes) AS before
        FROM (SELECT version, changes FROM change_outbox WHERE subscription_id = ${p[0]} ORDER BY version LIMIT ${ROWS_PER_CLAIM}) pending
      ) sized WHERE before < ${p[1]} ORDER BY version`;
    const jobs: DeliveryJob[] = [];
    for (const id of ids) {
      const subscription = found.get(id);
      if (!subscription) continue;
      const rows: { version: string | number; changes: string }[] = await m.query(sql, [id, CHANGE_BYTES_PER_CLAIM]);
      jobs.push({ subscription, rows: rows.map((r) => ({ version: Number(r.version), changes: r.changes })) });
    }
    return jobs;
  }

  private async settleAll(m: EntityManager, jobs: DeliveryJob[], done: Settlement[]): Promise<void> {
    for (const [i, job] of jobs.entries()) await this.settle(m, job.subscription, done[i]);
  }

  private async locked<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.newLock().run(() => fn(this.ds.manager));
  }

  /** Delivered rows go; on `dropPending` the rest too (the `missed` case); the subscription's state is written. */
  private async settle(m: EntityManager, s: ChangeSubscription, done: Settlement): Promise<void> {
    const p = this.engine === "postgres" ? ["$1", "$2"] : ["?", "?"];
    if (done.dropPending) await m.query(`DELETE FROM change_outbox WHERE subscription_id = ${p[0]}`, [s.id]);
    else if (done.deliveredVersions.length) {
      await m.query(`DELETE FROM change_outbox WHERE subscription_id = ${p[0]} AND version <= ${p[1]}`, [s.id, Math.max(...done.deliveredVersions)]);
    }
    // The subscription may have been deleted meanwhile (SQLite: between read and settle): then this updates nothing.
    await m.update(ChangeSubscription, { id: s.id }, done.state);
  }

  /** Pending changes of expired subscriptions go (they are never delivered); returns how many rows. */
  async purgeExpired(now: Date): Promise<number> {
    const p = this.engine === "postgres" ? "$1" : "?";
    const run = () => this.ds.query(`DELETE FROM change_outbox WHERE subscription_id IN (SELECT id FROM change_subscription WHERE expires_at <= ${p})`, [now.getTime()]);
    const out = this.engine === "postgres" ? await run() : await this.locked(run);
    // pg answers [rows, count]; better-sqlite3 a run result.
    return Array.isArray(out) ? Number(out[1] ?? 0) : Number((out as { changes?: number })?.changes ?? 0);
  }

  /** For the metrics: subscriptions by state (expired ones as `expired`). */
  async countsByState(now: Date): Promise<Map<string, number>> {
    const q = this.engine === "postgres"
      ? `SELECT CASE WHEN expires_at <= $1 THEN 'expired' ELSE state END AS state, COUNT(*) AS n FROM change_subscription GROUP BY 1`
      : `SELECT CASE WHEN expires_at <= ? THEN 'expired' ELSE state END AS state, COUNT(*) AS n FROM change_subscription GROUP BY 1`;
    const rows: { state: string; n: number | string }[] = await this.ds.query(q, [now.getTime()]);
    return new Map(rows.map((r) => [r.state, Number(r.n)]));
  }
}
