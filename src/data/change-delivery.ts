import { DataSource, EntityManager } from "typeorm";
import { ChangeOutbox, ChangeSubscription } from "./entities";
import type { Engine } from "./datasource";
import type { OperationLock } from "./operation-lock";

/** Rows one claim delivers at most (each is one write's changes), so a lock is never held long. */
export const ROWS_PER_CLAIM = 10;

/** One subscription's work, as the delivering instance holds it. */
export interface DeliveryJob {
  subscription: ChangeSubscription;
  /** Its pending rows, in commit order. */
  rows: ChangeOutbox[];
}

/** What the delivery did: the rows delivered (a prefix of the job's), whether to drop the rest, the new state. */
export interface Settlement {
  deliveredVersions: number[];
  dropPending: boolean;
  state: Pick<ChangeSubscription, "state" | "failures" | "nextAttemptAt" | "failingSince">;
}

/** SQLite: one delivery at a time in the process, whichever app of it asks (apps may share a DataSource). */
const busy = new WeakSet<DataSource>();

/**
 * MG6: where the delivery worker takes its work. PostgreSQL: a subscription with due rows is locked with
 * `FOR UPDATE SKIP LOCKED` for the whole delivery, so every instance may deliver and none delivers a subscription
 * another holds (in order, never twice at once); a killed instance's lock goes with its connection. SQLite: one
 * process; the rows are read and settled under the operation lock, the HTTP in between runs outside it.
 */
export class DeliveryStore {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, private readonly newLock: () => OperationLock) {}

  /** Claims one due subscription and settles what `deliver` did; false when nothing is due. */
  async claimOne(now: Date, deliver: (job: DeliveryJob) => Promise<Settlement>): Promise<boolean> {
    return this.engine === "postgres" ? this.claimPg(now, deliver) : this.claimSqlite(now, deliver);
  }

  private async claimPg(now: Date, deliver: (job: DeliveryJob) => Promise<Settlement>): Promise<boolean> {
    const qr = this.ds.createQueryRunner();
    await qr.startTransaction();
    try {
      const m = qr.manager;
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT s.id FROM change_subscription s
         WHERE s.next_attempt_at <= $1 AND s.expires_at > $1 AND EXISTS (SELECT 1 FROM change_outbox o WHERE o.subscription_id = s.id)
         ORDER BY s.next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now.getTime()],
      );
      if (!rows.length) {
        await qr.commitTransaction();
        return false;
      }
      const subscription = await m.findOneOrFail(ChangeSubscription, { where: { id: String(rows[0].id) } });
      const pending = await m.find(ChangeOutbox, { where: { subscriptionId: subscription.id }, order: { version: "ASC" }, take: ROWS_PER_CLAIM });
      await this.settle(m, subscription, await deliver({ subscription, rows: pending }));
      await qr.commitTransaction();
      return true;
    } catch (e) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async claimSqlite(now: Date, deliver: (job: DeliveryJob) => Promise<Settlement>): Promise<boolean> {
    if (busy.has(this.ds)) return false;
    busy.add(this.ds);
    try {
      const job = await this.locked(async (m) => {
        const rows: Record<string, unknown>[] = await m.query(
          `SELECT s.id FROM change_subscription s
           WHERE s.next_attempt_at <= ? AND s.expires_at > ? AND EXISTS (SELECT 1 FROM change_outbox o WHERE o.subscription_id = s.id)
           ORDER BY s.next_attempt_at LIMIT 1`,
          [now.getTime(), now.getTime()],
        );
        if (!rows.length) return undefined;
        const subscription = await m.findOneOrFail(ChangeSubscription, { where: { id: String(rows[0].id) } });
        return { subscription, rows: await m.find(ChangeOutbox, { where: { subscriptionId: subscription.id }, order: { version: "ASC" }, take: ROWS_PER_CLAIM }) };
      });
      if (!job) return false;
      const done = await deliver(job);
      await this.locked((m) => m.transaction((t) => this.settle(t, job.subscription, done)));
      return true;
    } finally {
      busy.delete(this.ds);
    }
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
